package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.io.Versions;
import io.rnnsuite.common.report.HtmlReport;
import io.rnnsuite.common.report.MarkdownTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a comparison as one self-contained HTML page and as markdown. The page opens with the
 * verdicts and the textbook table measured by this run, then a table of contents; each app's
 * section shows its first table and folds the rest (every table, plot and text) away.
 */
final class CompareHtml {

    /**
     * The models an app's section kept.
     *
     * @param howToServe one paragraph: where they are and how to use them
     * @param models     each kept model
     */
    record Kept(String howToServe, List<KeptModels.Model> models) {
    }

    private CompareHtml() {
    }

    static String header(CompareSettings settings, double elapsedSeconds) {
        return String.format(Locale.ROOT, "%s run, %s; cells %s; %d seed%s from %d; %.0f s training budget per model at the "
                        + "start (time that early-stopped models leave goes to the apps after them); %s; %.0f s so far; "
                        + "DL4J %s, Java %s, %s.", settings.quick() ? "Quick" : "Full", Instant.now().toString().substring(0, 16),
                String.join(", ", settings.variants().names()), settings.seeds(), settings.seeds() == 1 ? "" : "s",
                settings.seed(), settings.secondsPerModel(), settings.parallel() == 1 ? "one training at a time"
                        : settings.parallel() + " trainings at a time, each on its own thread (peak memory is then the process's)",
                elapsedSeconds, Versions.current().get("deeplearning4j"),
                Versions.current().get("java"), Versions.current().get("os"));
    }

    static String anchor(SectionResult result) {
        return "app-" + result.app();
    }

    static void write(Path file, List<SectionResult> results, Map<String, Kept> kept, CompareSettings settings,
                      double elapsedSeconds) throws IOException {
        HtmlReport page = new HtmlReport("rnn-suite compare: plain RNN vs LSTM");
        page.meta(header(settings, elapsedSeconds));
        page.paragraph("A plain RNN, h_t = tanh(W_xh x_t + W_hh h_{t-1} + b), trained by backpropagation through time, "
                + "loses long-range information to vanishing gradients; an LSTM's gates and cell state keep it. Each app below "
                + "trains every cell type under the same time budget, with every seed, and scores it beside baselines computed "
                + "by the same code. A verdict says 'beats' only when the difference is larger than the seed-to-seed spread "
                + "(Welch's t-test over seeds); otherwise the models tie.");
        page.heading("Verdicts", "verdicts");
        for (SectionResult result : results) {
            page.subheading(result.title());
            page.reading(result.reading());
        }
        page.heading("The textbook table, measured", "textbook");
        page.paragraph("Each row is a claim of the usual RNN-versus-LSTM table, the figures from this run that test it, and "
                + "whether they agree.");
        page.table(TextbookTable.build(results));
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("verdicts", "Verdicts");
        contents.put("textbook", "The textbook table, measured");
        results.forEach(r -> contents.put(anchor(r), r.title()));
        page.heading("Contents", "contents");
        page.contents(contents);
        for (SectionResult result : results) {
            page.heading(result.title(), anchor(result));
            page.paragraph(result.setup());
            if (!result.tables().isEmpty()) {
                SectionResult.Titled<MarkdownTable> first = result.tables().get(0);
                page.subheading(first.title());
                page.table(first.value());
            }
            page.reading(result.reading());
            Kept models = kept.get(result.app());
            if (models != null) {
                page.subheading("Kept models");
                page.paragraph(models.howToServe());
                if (models.models().isEmpty()) {
                    page.paragraph("(no model of this section finished training)");
                } else {
                    page.links(KeptModels.links(models.models(), file.getParent() == null ? Path.of(".") : file.getParent()));
                }
            }
            page.beginFolded("all tables, plots and texts of " + result.title());
            for (SectionResult.Titled<MarkdownTable> table : result.tables().subList(Math.min(1, result.tables().size()),
                    result.tables().size())) {
                page.subheading(table.title());
                page.table(table.value());
            }
            for (SectionResult.Titled<Path> image : result.images()) {
                page.subheading(image.title());
                page.image(image.value(), image.title());
            }
            for (SectionResult.Titled<String> text : result.texts()) {
                page.subheading(text.title());
                page.preformatted(text.value());
            }
            page.endFolded();
        }
        page.write(file);
    }

    static String markdown(List<SectionResult> results, Map<String, Kept> kept, CompareSettings settings, double elapsedSeconds) {
        StringBuilder md = new StringBuilder("# rnn-suite compare\n\n").append(header(settings, elapsedSeconds)).append("\n\n");
        md.append("## Verdicts\n\n");
        for (SectionResult result : results) {
            md.append("- **").append(result.title()).append("**: ").append(result.reading()).append('\n');
        }
        md.append("\n## The textbook table, measured\n\n").append(TextbookTable.build(results).toMarkdown()).append('\n');
        for (SectionResult result : results) {
            md.append("## ").append(result.title()).append("\n\n").append(result.setup()).append("\n\n");
            for (SectionResult.Titled<MarkdownTable> table : result.tables()) {
                md.append("### ").append(table.title()).append("\n\n").append(table.value().toMarkdown()).append('\n');
            }
            md.append(result.reading()).append("\n\n");
            Kept models = kept.get(result.app());
            if (models != null) {
                md.append("### Kept models\n\n").append(models.howToServe()).append("\n\n");
                for (KeptModels.Model m : models.models()) {
                    md.append("- ").append(m.label()).append(": `").append(m.dir()).append("`, served as `").append(m.served())
                            .append('`').append(m.explain() == null ? "" : ", explain page `" + m.explain() + "`").append('\n');
                }
                md.append('\n');
            }
        }
        return md.toString();
    }
}
