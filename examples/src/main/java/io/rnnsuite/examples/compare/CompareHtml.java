package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.CompareSettings;

import io.rnnsuite.common.io.Versions;
import io.rnnsuite.common.report.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Renders a comparison as one self-contained HTML page and as markdown. */
final class CompareHtml {

    private CompareHtml() {
    }

    static String header(CompareSettings settings, double elapsedSeconds) {
        return String.format(Locale.ROOT, "%s run, %s; cells %s; %.0f s training budget per model; seed %d; %.0f s so far; "
                        + "DL4J %s, Java %s, %s.", settings.quick() ? "Quick" : "Full", Instant.now().toString().substring(0, 16),
                String.join(", ", settings.variants().names()), settings.secondsPerModel(),
                settings.seed(), elapsedSeconds, Versions.current().get("deeplearning4j"), Versions.current().get("java"),
                Versions.current().get("os"));
    }

    static void write(Path file, List<SectionResult> results, CompareSettings settings, double elapsedSeconds) throws IOException {
        HtmlReport page = new HtmlReport("rnn-suite compare: plain RNN vs LSTM");
        page.meta(header(settings, elapsedSeconds));
        page.paragraph("A plain RNN, h_t = tanh(W_xh x_t + W_hh h_{t-1} + b), trained by backpropagation through time, "
                + "loses long-range information to vanishing gradients; an LSTM's gates and cell state keep it. Each app below "
                + "trains every cell type under the same time budget and scores it beside baselines computed by the same code.");
        for (SectionResult result : results) {
            page.heading(result.title());
            page.paragraph(result.setup());
            for (SectionResult.Titled<io.rnnsuite.common.report.MarkdownTable> table : result.tables()) {
                page.subheading(table.title());
                page.table(table.value());
            }
            page.reading(result.reading());
            for (SectionResult.Titled<Path> image : result.images()) {
                page.subheading(image.title());
                page.image(image.value(), image.title());
            }
            for (SectionResult.Titled<String> text : result.texts()) {
                page.subheading(text.title());
                page.preformatted(text.value());
            }
        }
        page.write(file);
    }

    static String markdown(List<SectionResult> results, CompareSettings settings, double elapsedSeconds) {
        StringBuilder md = new StringBuilder("# rnn-suite compare\n\n").append(header(settings, elapsedSeconds)).append("\n\n");
        for (SectionResult result : results) {
            md.append("## ").append(result.title()).append("\n\n").append(result.setup()).append("\n\n");
            for (SectionResult.Titled<io.rnnsuite.common.report.MarkdownTable> table : result.tables()) {
                md.append("### ").append(table.title()).append("\n\n").append(table.value().toMarkdown()).append('\n');
            }
            md.append(result.reading()).append("\n\n");
        }
        return md.toString();
    }
}
