package io.rnnsuite.seq2seq;

import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.io.RunRecord;
import io.rnnsuite.common.io.Versions;
import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.data.PairSplit;
import io.rnnsuite.seq2seq.model.Seq2SeqTrainer;
import io.rnnsuite.seq2seq.model.TranslationEvaluation;
import io.rnnsuite.seq2seq.model.Translator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code translate train} as a library call: load and split the pairs, train, evaluate on the
 * test split (greedy, and beam search when the configured width is above 1), print example
 * translations, and write a model directory ({@code model.zip}, vocabularies,
 * {@code translation.json}, {@value #CURVE_PNG}, and last {@code run.json}).
 */
public final class TrainRun {

    /** The learning-curve image written beside the model. */
    public static final String CURVE_PNG = "learning-curve.png";
    /** Where the pairs came from, so {@code evaluate} can rebuild the same test split. */
    public static final String SOURCE_FILE = "data-source.json";
    /** Wrong test translations printed after training. */
    private static final int ERRORS_SHOWN = 5;

    /**
     * What a training run produced.
     *
     * @param translator the trained model
     * @param split      the pairs it was trained and tested on
     * @param test       its test-split evaluation with the configured beam width
     * @param trained    training history
     */
    public record Result(Translator translator, PairSplit split, TranslationEvaluation test, Seq2SeqTrainer.Trained trained) {
    }

    private TrainRun() {
    }

    /**
     * Trains, evaluates and saves.
     *
     * @param outputDir the model directory to write; {@code null} keeps the model in memory
     */
    public static Result run(PairSource source, TranslationConfig config, Path outputDir, boolean resume, PrintStream out,
                             ProgressReporter progress) {
        PairSplit split = PairSplit.of(source.load(config.training().seed()), config.validationFraction(),
                config.testFraction(), config.training().seed());
        out.printf(Locale.ROOT, "data: %s: %d train, %d validation, %d test pairs (distinct sources; %d duplicates dropped)%n",
                source.describe(), split.train().size(), split.validation().size(), split.test().size(),
                split.duplicatesDropped());
        ModelDirectory dir = outputDir == null ? null : ModelDirectory.create(outputDir);
        Seq2SeqTrainer.Trained trained = Seq2SeqTrainer.train(config, split, outputDir, resume, progress);
        Translator translator = trained.translator();
        out.printf(Locale.ROOT, "model: %s, %,d parameters; vocabularies %d source / %d target %s tokens; "
                        + "max length %d / %d; %d pairs over the limits skipped%n",
                translator.config().label(), translator.graph().numParams(), translator.codec().sourceVocabulary().size(),
                translator.codec().targetVocabulary().size(), config.tokenization(), translator.config().maxSourceLength(),
                translator.config().maxTargetLength(), trained.skipped());
        TranslationEvaluation test = TranslationEvaluation.of(translator, split.test(), config.beamWidth());
        print(test, out);
        if (dir != null) {
            save(dir, source, translator, trained, test);
            out.println("model written to " + dir.dir());
        }
        return new Result(translator, split, test, trained);
    }

    /** Prints the headline metrics, accuracy by source length and a few wrong translations. */
    public static void print(TranslationEvaluation evaluation, PrintStream out) {
        out.printf(Locale.ROOT, "test (%s): exact match %.4f, BLEU %.4f, chrF %.4f on %d sentences (%.1f sentences/s)%n",
                evaluation.beamWidth() == 1 ? "greedy" : "beam " + evaluation.beamWidth(), evaluation.exactMatch(),
                evaluation.bleu(), evaluation.chrF(), evaluation.pairs().size(), evaluation.sentencesPerSecond());
        MarkdownTable byLength = new MarkdownTable("source tokens", "sentences", "exact match");
        evaluation.byLength().forEach((bucket, v) -> byLength.row(bucket, (int) v[1], MarkdownTable.number(v[0])));
        out.print(byLength.toText());
        List<String[]> errors = evaluation.errors(ERRORS_SHOWN);
        if (!errors.isEmpty()) {
            out.println("some wrong translations (source | reference | output):");
            errors.forEach(e -> out.println("  " + e[0] + " | " + e[1] + " | " + e[2]));
        }
    }

    /** The test split a saved model was evaluated on (same source, fractions and seed). */
    public static PairSplit testSplitOf(Translator translator, PairSource source) {
        TranslationConfig config = translator.config();
        return PairSplit.of(source.load(config.training().seed()), config.validationFraction(), config.testFraction(),
                config.training().seed());
    }

    private static void save(ModelDirectory dir, PairSource source, Translator translator, Seq2SeqTrainer.Trained trained,
                             TranslationEvaluation test) {
        try {
            translator.save(dir);
            io.rnnsuite.common.io.Json.write(dir.file(SOURCE_FILE), source);
            List<EpochStats> history = trained.training().history();
            double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
            new LineChart("learning curve: " + translator.config().label() + " on " + source.describe(), "epoch", "loss")
                    .line("training", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray())
                    .line("validation", epochs, history.stream().mapToDouble(EpochStats::validationLoss).toArray())
                    .savePng(dir.file(CURVE_PNG), 800, 500);
            Map<String, Object> metrics = new LinkedHashMap<>(test.asMap());
            metrics.put("pairs_over_length_limits", trained.skipped());
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("training", trained.training().trainingSeconds());
            timings.put("test_translation", test.seconds());
            Map<String, Object> recordedConfig = new LinkedHashMap<>();
            recordedConfig.put("source", source);
            recordedConfig.put("translation", translator.config());
            dir.writeRunRecord(new RunRecord(Translator.APP, Instant.now().toString(), recordedConfig,
                    translator.config().training().seed(), Versions.current(), source.describe(), null,
                    translator.graph().numParams(), metrics, timings,
                    new RunRecord.TrainingSummary(trained.training().stopReason().name(), trained.training().bestEpoch(),
                            history, trained.training().sequencesPerSecond())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model directory " + dir.dir(), e);
        }
    }
}
