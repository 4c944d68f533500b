package io.rnnsuite.textclf;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.report.ConfusionMatrixChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.report.PeakMemory;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.textclf.baseline.BagOfWordsClassifier;
import io.rnnsuite.textclf.baseline.MajorityClassBaseline;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.LabelledExample;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.Classifier;
import io.rnnsuite.textclf.model.ClassifierEvaluation;
import io.rnnsuite.textclf.model.TextClassifierTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code classify compare} as a library call: the baselines and each recurrent variant on the same
 * split, scored by the same code, into one table, a markdown report and the best model's confusion
 * matrix PNG.
 */
public final class CompareRun {

    /**
     * One row of the comparison.
     *
     * @param peakMiB peak heap-in-use plus off-heap memory while a recurrent model trained (common
     *                PeakMemory); 0 for the baselines, which are not measured
     */
    public record Row(String model, double accuracy, double macroF1, double trainSeconds, double trainTextsPerSecond,
                      double predictTextsPerSecond, long parameters, double peakMiB) {
    }

    private CompareRun() {
    }

    /**
     * @param variants  recurrent variants ({@code simple_rnn}, {@code lstm}, {@code bilstm}, ...)
     * @param base      configuration shared by every variant (its recurrent spec gives size, depth, dropout)
     * @param reportDir where {@code report.md} and {@code confusion.png} go; {@code null} = console only
     */
    public static List<Row> run(TextSource source, TextClassificationConfig base, List<String> variants,
                                Path reportDir, PrintStream out, ProgressReporter progress) {
        DataSplit split = source.split(base.validationFraction(), base.testFraction(), base.training().seed());
        out.print(split.countsTable().toText());
        List<Row> rows = new ArrayList<>();
        List<ClassifierEvaluation> evaluations = new ArrayList<>();
        int[] trainLabels = split.labelIndices(split.train());
        List<String> trainTexts = split.train().stream().map(LabelledExample::text).toList();

        Classifier majority = new MajorityClassBaseline(split.labels(), trainLabels);
        evaluations.add(score(majority, split, rows, 0, 0, 0, 0));
        Vocabulary vocabulary = TextClassifierTrainer.vocabulary(split.train(), base);
        long start = System.nanoTime();
        Classifier bow = BagOfWordsClassifier.fit(trainTexts, trainLabels, split.labels(), vocabulary,
                BagOfWordsClassifier.Settings.defaults(base.training().seed()));
        double bowSeconds = (System.nanoTime() - start) / 1e9;
        evaluations.add(score(bow, split, rows, bowSeconds, trainTexts.size() * 10 / bowSeconds,
                (long) vocabulary.size() * split.labels().size(), 0));

        for (String variant : variants) {
            RecurrentSpec spec = RecurrentSpec.parseVariant(variant, base.recurrent().hiddenSize(),
                    base.recurrent().layers(), base.recurrent().dropout());
            TextClassificationConfig config = base.withRecurrent(spec, poolingFor(spec, base));
            out.println("training " + spec.label() + " (pooling " + config.pooling().name().toLowerCase(Locale.ROOT) + ")");
            PeakMemory.Measured<TextClassifierTrainer.Trained> measured =
                    PeakMemory.during(() -> TextClassifierTrainer.train(config, split, null, false, progress));
            TextClassifierTrainer.Trained trained = measured.value();
            out.println(trained.embeddings().report());
            // the time to train Word2Vec or read a vectors file is part of the model's training time
            double seconds = trained.training().trainingSeconds() + trained.embeddings().seconds();
            evaluations.add(score(trained.classifier(), split, rows, seconds,
                    trained.training().sequencesPerSecond(), trained.classifier().network().numParams(), measured.peakMiB()));
        }
        MarkdownTable table = table(rows);
        out.print(table.toText());
        if (reportDir != null) {
            writeReport(reportDir, source, base, split, table, evaluations);
            out.println("report written to " + reportDir.resolve("report.md"));
        }
        return rows;
    }

    /** The base pooling, unless it is one DL4J mis-masks for this spec (then {@code last}). */
    private static SequencePooling poolingFor(RecurrentSpec spec, TextClassificationConfig base) {
        SequencePooling pooling = spec.bidirectional() && base.pooling() == SequencePooling.LAST
                ? SequencePooling.defaultFor(spec) : base.pooling();
        return TextClassificationConfig.hasStackedBidirectionalPoolingBug(spec, pooling) ? SequencePooling.LAST : pooling;
    }

    private static ClassifierEvaluation score(Classifier classifier, DataSplit split, List<Row> rows, double trainSeconds,
                                              double trainTextsPerSecond, long parameters, double peakMiB) {
        ClassifierEvaluation e = ClassifierEvaluation.of(classifier, split, split.test());
        rows.add(new Row(e.name(), e.metrics().accuracy(), e.metrics().macroF1(), trainSeconds, trainTextsPerSecond,
                e.textsPerSecond(), parameters, peakMiB));
        return e;
    }

    private static MarkdownTable table(List<Row> rows) {
        MarkdownTable table = new MarkdownTable("model", "test accuracy", "test macro-F1", "train s",
                "train texts/s", "predict texts/s", "parameters");
        for (Row r : rows) {
            table.row(r.model(), r.accuracy(), r.macroF1(), r.trainSeconds(), r.trainTextsPerSecond(),
                    r.predictTextsPerSecond(), r.parameters());
        }
        return table;
    }

    private static void writeReport(Path dir, TextSource source, TextClassificationConfig base, DataSplit split,
                                    MarkdownTable table, List<ClassifierEvaluation> evaluations) {
        ClassifierEvaluation best = evaluations.stream()
                .max(java.util.Comparator.comparingDouble(e -> e.metrics().macroF1())).orElseThrow();
        try {
            ConfusionMatrixChart.write(best.metrics(), "test confusion: " + best.name() + " on " + source.describe(),
                    dir.resolve("confusion.png"));
            String report = "# Text classification: " + source.describe() + "\n\n"
                    + "Test split, stratified and seeded (seed " + base.training().seed() + "). "
                    + "Train s includes training Word2Vec or reading a vectors file; train texts/s counts training "
                    + "examples the network processed per second.\n\n"
                    + table.toMarkdown() + "\n## Examples per class\n\n" + split.countsTable().toMarkdown()
                    + "\n## Best model by macro-F1: " + best.name() + "\n\n![confusion](confusion.png)\n\n```\n"
                    + best.metrics().confusionText() + "```\n";
            AtomicFiles.writeString(dir.resolve("report.md"), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + dir, e);
        }
    }
}
