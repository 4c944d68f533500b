package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.CompareSection;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.SectionProgress;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.textclf.CompareRun;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Text classification: every cell on WordNet topics (gloss sentiment with --quick) beside the baselines. */
final class ClassifySection implements CompareSection {

    @Override
    public String app() {
        return "classify";
    }

    @Override
    public int modelCount(CompareSettings settings) {
        return settings.specs(32).size();
    }

    @Override
    public SectionResult run(CompareSettings settings, Path dir, SectionProgress progress) {
        String dataset = settings.quick() ? "gloss-sentiment" : "wordnet-topics";
        TextClassificationConfig base = TextClassificationConfig.defaults();
        TextClassificationConfig config = base.withTraining(settings.budgeted(base.training()));
        List<String> variants = settings.specs(32).stream().map(RecurrentSpec::label).toList();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<CompareRun.Row> rows = CompareRun.run(TextSource.bundled(dataset, false), config, variants, dir,
                new PrintStream(log, true, StandardCharsets.UTF_8), progress.reporter("classify", variants));
        MarkdownTable table = new MarkdownTable("model", "test accuracy", "test macro-F1", "train s", "train texts/s",
                "predict texts/s", "parameters", "peak MiB");
        for (CompareRun.Row r : rows) {
            table.row(r.model(), r.accuracy(), r.macroF1(), r.trainSeconds(), r.trainTextsPerSecond(),
                    r.predictTextsPerSecond(), r.parameters(), r.peakMiB() > 0 ? r.peakMiB() : "–");
        }
        CompareRun.Row best = rows.stream().max(Comparator.comparingDouble(CompareRun.Row::macroF1)).orElseThrow();
        String reading = "Best by test macro-F1: " + best.model() + " (" + MarkdownTable.number(best.macroF1())
                + ", accuracy " + MarkdownTable.number(best.accuracy()) + ").";
        return new SectionResult(app(), "Text classification: " + dataset,
                "Stratified, seeded 80/10/10 split; vocabulary from the training split; learned 64-wide word vectors; "
                        + "each recurrent model trains under the same time budget; majority class and TF-IDF bag-of-words "
                        + "softmax are scored by the same code.",
                List.of(new SectionResult.Titled<>("test split", table)), reading,
                List.of(new SectionResult.Titled<>("confusion matrix of the best model", dir.resolve("confusion.png"))),
                List.of(), rows);
    }
}
