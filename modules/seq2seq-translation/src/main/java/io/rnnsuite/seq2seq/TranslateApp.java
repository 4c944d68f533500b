package io.rnnsuite.seq2seq;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppInfo;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.app.CompareExtras;
import io.rnnsuite.common.app.CompareRun;
import io.rnnsuite.common.app.DataSummary;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.Metric;
import io.rnnsuite.common.app.RnnApp;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.app.Trained;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.cli.TranslateOptions;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.data.PairSplit;
import io.rnnsuite.seq2seq.model.ExactMatchByLength;
import io.rnnsuite.seq2seq.model.Seq2SeqTrainer;
import io.rnnsuite.seq2seq.model.Translation;
import io.rnnsuite.seq2seq.model.TranslationBaselines;
import io.rnnsuite.seq2seq.model.TranslationEvaluation;
import io.rnnsuite.seq2seq.model.Translator;
import io.rnnsuite.seq2seq.report.AttentionHeatMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@code rnn-suite translate}: the translation app on the suite's app contract. Data: generated
 * English–French pairs (numbers, dates: ICU4J) or the user's tab-separated pairs, split by distinct
 * source so no test source occurs in training. Model: a recurrent encoder–decoder
 * ({@link Translator}) with optional attention, decoded greedily and, with {@code --beam K > 1},
 * by beam search too. Metrics: exact match, BLEU, chrF (greedy; {@code *_beam} for the beam),
 * beside two baselines ({@link TranslationBaselines}).
 */
public final class TranslateApp implements RnnApp<TranslationConfig, TranslateApp.Data, Translator> {

    /** The {@code app} name in run.json. */
    public static final String ID = "seq2seq-translation";
    /** The learning-curve image a train run writes into the model directory. */
    public static final String CURVE_PNG = "learning-curve.png";
    /** Test translations shown by the compare page. */
    static final int EXAMPLES = 10;
    /** Wrong test translations shown after an evaluation. */
    private static final int ERRORS_SHOWN = 5;
    /** Beam width of the compare page's beam columns. */
    static final int COMPARE_BEAM = 4;

    /**
     * The loaded pairs.
     *
     * @param split  train / validation / test, split by distinct source
     * @param sha256 SHA-256 of the user's file, or of the generated pairs as text (one {@code source<TAB>target} line each)
     * @param pairs  pairs read or generated, before duplicates were dropped
     */
    public record Data(PairSplit split, String sha256, int pairs) {
    }

    /**
     * The last greedy test scoring of each translator by {@link #evaluate}, so that {@link #byLength}
     * reuses its decoding instead of decoding the test set twice. Keyed by the translator's identity
     * (it does not override equals) and weakly, so a model that is dropped is forgotten; a trained
     * translator's weights no longer change, so its scoring stays valid for the same data.
     */
    private final Map<Translator, GreedyTest> greedyTests = Collections.synchronizedMap(new WeakHashMap<>());

    /** Which test pairs were scored on which data, and whether each greedy translation was exact. */
    private record GreedyTest(Data data, List<SentencePair> pairs, List<Boolean> correct) {
    }

    @Override
    public AppInfo info() {
        return new AppInfo("translate", ID, "Translation",
                "English → French translation (numbers, dates, or your own pairs) with a recurrent encoder–decoder.");
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public AppOptions<TranslationConfig> newOptions() {
        return new TranslateOptions();
    }

    /** The documented defaults; {@code quick}: an LSTM(64) encoder on 1,500 pairs. */
    @Override
    public TranslationConfig defaults(boolean quick) {
        TranslationConfig defaults = TranslationConfig.defaults();
        if (!quick) {
            return defaults;
        }
        PairSource data = defaults.data();
        return defaults.withEncoder(new RecurrentSpec(CellType.LSTM, 64, 1, false, 0.0), false)
                .withData(PairSource.generated(data.dataset(), 1500, data.reverse()));
    }

    /**
     * The defaults' data, decoded greedily and with a beam of {@value #COMPARE_BEAM}; the full
     * comparison's encoder is {@value #COMPARE_WIDTH} units wide like the quick one's (cheaper per update
     * than the default 96), so that its share of the budget buys more epochs.
     */
    @Override
    public List<TranslationConfig> compareConfigs(boolean quick) {
        TranslationConfig config = defaults(quick);
        if (!quick) {
            config = config.withEncoder(config.encoder().withHiddenSize(COMPARE_WIDTH), config.attention());
        }
        return List.of(config.withBeamWidth(COMPARE_BEAM));
    }

    /** The comparison's encoder width. */
    static final int COMPARE_WIDTH = 64;

    @Override
    public Class<TranslationConfig> configType() {
        return TranslationConfig.class;
    }

    @Override
    public Data load(TranslationConfig config) {
        PairSource source = config.data();
        long seed = config.training().seed();
        List<SentencePair> pairs = source.load(seed);
        PairSplit split = PairSplit.of(pairs, config.validationFraction(), config.testFraction(), seed);
        return new Data(split, sha256(source, pairs), pairs.size());
    }

    private static String sha256(PairSource source, List<SentencePair> pairs) {
        if (source.pairsFile() != null) {
            try {
                return Checksums.sha256(Files.readAllBytes(source.pairsFile()));
            } catch (IOException e) {
                throw new UserInputException("cannot read pairs file " + source.pairsFile() + ": " + e.getMessage());
            }
        }
        StringBuilder text = new StringBuilder();
        pairs.forEach(p -> text.append(p.source()).append('\t').append(p.target()).append('\n'));
        return Checksums.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public DataSummary describe(TranslationConfig config, Data data) {
        PairSource source = config.data();
        String name = source.pairsFile() != null ? String.valueOf(source.pairsFile().getFileName()) : source.dataset();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pairs", data.pairs());
        details.put("duplicates_dropped", data.split().duplicatesDropped());
        details.put("train", data.split().train().size());
        details.put("validation", data.split().validation().size());
        details.put("test", data.split().test().size());
        details.put("pairs_over_length_limits", Seq2SeqTrainer.overLengthLimits(config, data.split()));
        details.put("reversed", source.reverse());
        return new DataSummary(source.reverse() ? name + "-reversed" : name, source.pairsFile() != null ? "file" : "generated",
                data.sha256(), details);
    }

    /**
     * Trains teacher-forced through common's trainer; into a model directory it also draws the
     * learning curve ({@value #CURVE_PNG}) and, for an attention model, the attention heat map of
     * three test sentences ({@value AttentionHeatMap#FILE_NAME}).
     */
    @Override
    public Trained<Translator> train(TranslationConfig config, Data data, TrainContext context) {
        Seq2SeqTrainer.Trained trained = Seq2SeqTrainer.train(config, data.split(), context.outputDir(), context.resume(),
                context.progress());
        Translator translator = trained.translator();
        if (context.outputDir() != null) {
            try {
                List<EpochStats> history = trained.training().history();
                double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
                new LineChart("learning curve: " + config.label() + " on " + config.data().describe(), "epoch", "loss")
                        .line("training", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray())
                        .line("validation", epochs, history.stream().mapToDouble(EpochStats::validationLoss).toArray())
                        .savePng(context.outputDir().resolve(CURVE_PNG), 800, 500);
                if (config.attention()) {
                    AttentionHeatMap.write(translator, translatable(translator, data.split().test()),
                            context.outputDir().resolve(AttentionHeatMap.FILE_NAME));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the plots into " + context.outputDir(), e);
            }
        }
        return new Trained<>(translator, trained.training(), translator.graph().numParams(), 0);
    }

    private static List<SentencePair> translatable(Translator translator, List<SentencePair> pairs) {
        return pairs.stream().filter(p -> TranslationEvaluation.fits(translator, p)).toList();
    }

    /** Greedy exact match / BLEU / chrF, and the same by beam search ({@code *_beam}) when the beam is wider than 1. */
    @Override
    public Evaluation evaluate(Translator translator, Data data) {
        TranslationEvaluation greedy = TranslationEvaluation.of(translator, data.split().test(), 1);
        greedyTests.put(translator, new GreedyTest(data, greedy.pairs(), greedy.correct()));
        Map<String, Double> metrics = new LinkedHashMap<>(greedy.metrics(""));
        StringBuilder detail = new StringBuilder(describe(greedy, "greedy"));
        int beamWidth = translator.config().beamWidth();
        if (beamWidth > 1) {
            TranslationEvaluation beam = TranslationEvaluation.of(translator, data.split().test(), beamWidth);
            metrics.putAll(beam.metrics("_beam"));
            detail.append(describe(beam, "beam " + beamWidth));
        }
        return new Evaluation(translator.config().label(), false, metrics, detail.toString());
    }

    /**
     * Greedy test exact match by source length in characters (≤15, 16–25, 26–35, 36–50, >50), over
     * the test pairs {@link #evaluate} scores (those within the model's length limits and vocabulary).
     * Reuses the greedy decoding of the last {@link #evaluate} of this translator on this data; only
     * without one (a translator this app instance has not evaluated) are the test sources decoded again.
     */
    @Override
    public LengthBreakdown byLength(Translator translator, Data data) {
        GreedyTest test = greedyTests.get(translator);
        if (test == null || test.data() != data) {
            TranslationEvaluation greedy = TranslationEvaluation.of(translator, data.split().test(), 1);
            test = new GreedyTest(data, greedy.pairs(), greedy.correct());
        }
        return ExactMatchByLength.of(test.pairs(), test.correct());
    }

    /** Exact match by source length, sentences left out, a few wrong translations. */
    private static String describe(TranslationEvaluation evaluation, String decoding) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d test sentences (%d left out: too long or"
                + " unknown tokens), exact match by source length:%n", decoding, evaluation.pairs().size(), evaluation.skipped()));
        MarkdownTable byLength = new MarkdownTable("source tokens", "sentences", "exact match");
        evaluation.byLength().forEach((bucket, v) -> byLength.row(bucket, (int) v[1], MarkdownTable.number(v[0])));
        sb.append(byLength.toText());
        List<String[]> errors = evaluation.errors(ERRORS_SHOWN);
        if (!errors.isEmpty()) {
            sb.append("some wrong translations (source | reference | output):\n");
            errors.forEach(e -> sb.append("  ").append(e[0]).append(" | ").append(e[1]).append(" | ").append(e[2]).append('\n'));
        }
        return sb.toString();
    }

    /** {@value TranslationBaselines#COPY} and {@value TranslationBaselines#NEAREST}, on the test sentences the model is scored on. */
    @Override
    public List<Evaluation> baselines(TranslationConfig config, Data data) {
        List<SentencePair> test = Seq2SeqTrainer.translatableTest(config, data.split());
        return List.of(
                new Evaluation(TranslationBaselines.COPY, true,
                        TranslationBaselines.copySource(test, config.tokenization()).metrics("")),
                new Evaluation(TranslationBaselines.NEAREST, true, TranslationBaselines.nearestNeighbour(data.split().train(),
                        test, config.tokenization(), config.training().seed()).metrics("")));
    }

    @Override
    public Metric primaryMetric() {
        return new Metric("exact_match", "test exact match (greedy)", false);
    }

    @Override
    public void save(Translator translator, ModelDirectory dir) throws IOException {
        translator.save(dir);
    }

    @Override
    public Translator load(TranslationConfig config, ModelDirectory dir) {
        return Translator.load(config, dir);
    }

    /** One translation per sentence, with the configured beam width; a cut translation says so. */
    @Override
    public List<String> predict(Translator translator, List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new UserInputException("no sentences to translate: give them as arguments or '-' and one per line on stdin");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).isBlank()) {
                throw new UserInputException("sentence " + (i + 1) + " is empty: nothing to translate");
            }
        }
        List<String> answers = new ArrayList<>();
        for (Translation t : translator.translate(inputs)) {
            answers.add(t.reachedLimit() ? t.text() + "   [stopped at the maximum length of "
                    + translator.config().maxTargetLength() + " tokens]" : t.text());
        }
        return answers;
    }

    @Override
    public String predictInput() {
        return "SENTENCE";
    }

    @Override
    public String setup(TranslationConfig config, DataSummary data) {
        String decoding = config.beamWidth() > 1
                ? "decoded greedily and by beam search of width " + config.beamWidth() + " (metrics *_beam)"
                : "decoded greedily";
        return String.format(Locale.ROOT, "Translation of %s, %s tokens, split %.0f/%.0f/%.0f by distinct source (no test source"
                        + " occurs in training). Encoder: the recurrent variant; decoder: one layer of the same cell, %s; %s."
                        + " Exact match is the share of test sentences translated exactly; BLEU (corpus, 4-gram words) and chrF"
                        + " (character 6-grams) are in [0, 1]. Baselines: %s (the source unchanged) and %s (the translation of"
                        + " the most similar training source).",
                config.data().describe(), config.tokenization(), 100 * (1 - config.validationFraction() - config.testFraction()),
                100 * config.validationFraction(), 100 * config.testFraction(),
                config.attention() ? "with attention over the encoder's steps" : "without attention", decoding,
                TranslationBaselines.COPY, TranslationBaselines.NEAREST);
    }

    /**
     * Ten test translations of the best model (greedy; ✗ marks an error, with the reference), and
     * for attention models that model's attention heat map.
     */
    @Override
    public CompareExtras compareExtras(TranslationConfig config, Data data, List<CompareRun.Compared<Translator>> models,
                                       Path dir) throws IOException {
        if (models.isEmpty()) {
            return CompareExtras.NONE;
        }
        CompareRun.Row bestRow = CompareRun.best(models.stream().map(CompareRun.Compared::row).toList(), primaryMetric());
        Translator best = models.stream().filter(m -> m.row() == bestRow).findFirst().orElse(models.get(0)).model();
        List<SentencePair> test = translatable(best, data.split().test());
        TranslationEvaluation sample = TranslationEvaluation.of(best, test.subList(0, Math.min(EXAMPLES, test.size())), 1);
        List<SectionResult.Titled<Path>> images = new ArrayList<>();
        if (config.attention() && !test.isEmpty()) {
            Path png = dir.resolve(AttentionHeatMap.FILE_NAME);
            AttentionHeatMap.write(best, test, png);
            images.add(new SectionResult.Titled<>("attention of " + bestRow.model() + " on " + AttentionHeatMap.SENTENCES
                    + " test sentences (rows: output tokens, columns: source tokens, darker = more weight)", png));
        }
        return new CompareExtras(images, List.of(new SectionResult.Titled<>(
                "test translations by " + bestRow.model() + " (greedy; ✗ marks an error)", examples(sample))));
    }

    static String examples(TranslationEvaluation evaluation) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < evaluation.translations().size(); i++) {
            SentencePair pair = evaluation.pairs().get(i);
            boolean right = evaluation.correct().get(i);
            sb.append(right ? "✓ " : "✗ ").append(pair.source()).append(" → ").append(evaluation.translations().get(i).text());
            if (!right) {
                sb.append("   (reference: ").append(pair.target()).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
