package io.rnnsuite.textclf;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.io.RunRecord;
import io.rnnsuite.common.io.Versions;
import io.rnnsuite.common.report.ConfusionMatrixChart;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.ClassifierEvaluation;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import io.rnnsuite.textclf.model.TextClassifierTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code classify train} as a library call: split the data, train, evaluate on the test split,
 * and write a complete model directory ({@code model.zip}, {@code vocabulary.json},
 * {@code classifier.json}, {@code confusion.png}, and last {@code run.json}, so a directory
 * without run.json is recognisably unfinished).
 */
public final class TrainRun {

    /** Name of the confusion-matrix image written beside the model. */
    public static final String CONFUSION_PNG = "confusion.png";

    /**
     * What a training run produced.
     *
     * @param classifier the trained model
     * @param split      the data it was trained and tested on
     * @param test       its test-split evaluation
     * @param trained    training history
     */
    public record Result(RecurrentTextClassifier classifier, DataSplit split, ClassifierEvaluation test,
                         TextClassifierTrainer.Trained trained) {
    }

    private TrainRun() {
    }

    /**
     * Trains and saves.
     *
     * @param outputDir the model directory to write; {@code null} keeps the model in memory
     */
    public static Result run(TextSource source, TextClassificationConfig config, Path outputDir, boolean resume,
                             PrintStream out, ProgressReporter progress) {
        DataSplit split = source.split(config.validationFraction(), config.testFraction(), config.training().seed());
        out.println("data: " + source.describe() + " (examples per class and split)");
        out.print(split.countsTable().toText());
        ModelDirectory dir = outputDir == null ? null : ModelDirectory.create(outputDir);
        TextClassifierTrainer.Trained trained = TextClassifierTrainer.train(config, split, outputDir, resume, progress);
        RecurrentTextClassifier classifier = trained.classifier();
        out.printf(Locale.ROOT, "vocabulary: %d entries (min count %d, training split only); %d training/validation "
                        + "texts truncated to %d tokens%n", classifier.vocabulary().size(), config.minCount(),
                trained.truncatedTexts(), config.maxLength());
        out.println(trained.embeddings().report());
        ClassifierEvaluation test = ClassifierEvaluation.of(classifier, split, split.test());
        out.printf(Locale.ROOT, "test: accuracy %.4f, macro-F1 %.4f on %d texts (%d truncated)%n",
                test.metrics().accuracy(), test.metrics().macroF1(), test.metrics().total(), classifier.truncatedCount());
        out.print(test.metrics().confusionText());
        if (dir != null) {
            save(dir, source, config, split, trained, test);
            out.println("model written to " + dir.dir());
        }
        return new Result(classifier, split, test, trained);
    }

    private static void save(ModelDirectory dir, TextSource source, TextClassificationConfig config, DataSplit split,
                             TextClassifierTrainer.Trained trained, ClassifierEvaluation test) {
        try {
            trained.classifier().save(dir);
            ConfusionMatrixChart.write(test.metrics(), "test confusion: " + trained.classifier().name() + " on "
                    + source.describe(), dir.file(CONFUSION_PNG));
            Map<String, Object> metrics = new LinkedHashMap<>(test.metrics().asMap());
            metrics.put("truncated_texts", trained.truncatedTexts());
            metrics.put("embeddings", trained.embeddings().asMap());
            metrics.put("examples_per_class_train_validation_test", split.counts());
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("training", trained.training().trainingSeconds());
            timings.put("test_prediction", test.seconds());
            Map<String, Object> recordedConfig = new LinkedHashMap<>();
            recordedConfig.put("source", source);
            recordedConfig.put("classifier", config);
            dir.writeRunRecord(new RunRecord(RecurrentTextClassifier.APP, Instant.now().toString(), recordedConfig,
                    config.training().seed(), Versions.current(), source.describe(), null,
                    trained.classifier().network().numParams(), metrics, timings,
                    new RunRecord.TrainingSummary(trained.training().stopReason().name(), trained.training().bestEpoch(),
                            trained.training().history(), trained.training().sequencesPerSecond())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model directory " + dir.dir(), e);
        }
    }

    /** Re-creates the test split a saved model was evaluated on (same source, fractions and seed). */
    public static DataSplit splitOf(RecurrentTextClassifier classifier, TextSource source) {
        TextClassificationConfig config = classifier.config();
        DataSplit split = source.split(config.validationFraction(), config.testFraction(), config.training().seed());
        if (!split.labels().equals(classifier.labels())) {
            throw new UserInputException("the data's labels " + split.labels() + " differ from the model's "
                    + classifier.labels());
        }
        return split;
    }
}
