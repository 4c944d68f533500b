package io.rnnsuite.charlm;

import io.rnnsuite.charlm.baseline.Baselines;
import io.rnnsuite.charlm.cli.CharLmOptions;
import io.rnnsuite.charlm.cli.ExplainCommand;
import io.rnnsuite.charlm.cli.SampleCommand;
import io.rnnsuite.charlm.data.CharSequenceBatches;
import io.rnnsuite.charlm.data.CharTextShards;
import io.rnnsuite.charlm.data.CorpusText;
import io.rnnsuite.charlm.data.PreparedCorpus;
import io.rnnsuite.charlm.model.BitsByPosition;
import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.charlm.model.CharLmNetworks;
import io.rnnsuite.charlm.model.NextCharModel;
import io.rnnsuite.charlm.model.RnnCharModel;
import io.rnnsuite.charlm.model.SamplingOptions;
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
import io.rnnsuite.common.eval.LanguageModelMetrics;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The character language model as an {@link RnnApp}: the corpus split in order 90/5/5, a
 * recurrent network over one-hot characters trained with truncated BPTT, scored in bits per
 * character and perplexity on the test part beside unigram and Witten–Bell n-gram baselines;
 * {@code predict} continues primes, {@code sample} draws text with the sampling flags, {@code explain}
 * shows what the cells do on a text.
 */
public final class CharLmApp implements RnnApp<CharLmConfig, PreparedCorpus, CharLmModel> {

    /** The app id in run.json. */
    public static final String ID = "char-lm";
    /** What {@code predict} and the compare page's samples start from. */
    public static final String DEFAULT_PRIME = "The ";
    /** The compare page's samples: this many characters at temperature 0.8. */
    static final SamplingOptions COMPARE_SAMPLES = new SamplingOptions(300, 0.8, 0, 42L);
    /** What {@code predict} draws after each prime. */
    static final SamplingOptions PREDICT_SAMPLES = new SamplingOptions(200, 0.8, 0, 42L);

    private static final Metric BITS_PER_CHAR = new Metric("bits_per_char", "test bits per character", true);

    /**
     * The sequence length each network was trained or loaded with (the model itself does not carry
     * it), for {@link #byLength}'s windows. Weak keys, so dropped models are forgotten; a network
     * is found by identity (MultiLayerNetwork keeps Object's hashCode).
     */
    private final Map<MultiLayerNetwork, Integer> sequenceLengths = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public AppInfo info() {
        return new AppInfo("charlm", ID, "Character language model",
                "Character language models: recurrent networks with truncated BPTT, bits per character beside n-gram baselines, sampling.");
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public AppOptions<CharLmConfig> newOptions() {
        return new CharLmOptions();
    }

    /** The documented defaults; {@code quick} has 64 units instead of 128. */
    @Override
    public CharLmConfig defaults(boolean quick) {
        CharLmConfig defaults = CharLmConfig.defaults();
        return quick ? defaults.withSizes(64, defaults.sequenceLength(), defaults.tbpttLength()) : defaults;
    }

    /**
     * What {@code rnn-suite compare} trains: the defaults' corpus at a width of 64 on sequences of
     * 50 (one tBPTT segment), several times cheaper per update than a width of 128 on sequences of
     * 100 (docs: README "Results"), so that a full run's per-model budget buys hundreds of updates
     * instead of dozens; the quick run keeps its own sizes.
     */
    @Override
    public List<CharLmConfig> compareConfigs(boolean quick) {
        return List.of(quick ? defaults(true) : defaults(false).withSizes(COMPARE_WIDTH, COMPARE_SEQUENCE, COMPARE_SEQUENCE));
    }

    /** The full comparison's width and sequence length. */
    static final int COMPARE_WIDTH = 64;
    static final int COMPARE_SEQUENCE = 50;

    @Override
    public Class<CharLmConfig> configType() {
        return CharLmConfig.class;
    }

    @Override
    public Optional<String> unsupported(RecurrentSpec spec) {
        return spec.bidirectional()
                ? Optional.of("a language model cannot be bidirectional: reading backwards it would see the characters it predicts")
                : Optional.empty();
    }

    @Override
    public PreparedCorpus load(CharLmConfig config) {
        return PreparedCorpus.prepare(CorpusText.load(config.corpus(), config.textFile()), config);
    }

    @Override
    public DataSummary describe(CharLmConfig config, PreparedCorpus data) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("train_characters", data.train().length);
        details.put("validation_characters", data.validation().length);
        details.put("test_characters", data.test().length);
        details.put("vocabulary_size", data.vocabulary().size());
        return new DataSummary(data.source(), data.text().kind(), data.sha256(), details);
    }

    @Override
    public Trained<CharLmModel> train(CharLmConfig config, PreparedCorpus data, TrainContext context) {
        Optional<String> why = unsupported(config.recurrentSpec());
        if (why.isPresent()) {
            throw new UserInputException("--bidirectional: " + why.get());
        }
        TrainingConfig training = config.training();
        int vocabularySize = data.vocabulary().size();
        MultiLayerNetwork net = CharLmNetworks.create(config, vocabularySize, training);
        CharLmModel model = new CharLmModel(net, data.vocabulary(), config.recurrentSpec().label());
        sequenceLengths.put(net, config.sequenceLength());
        if (context.outputDir() != null) {
            try {
                CharLmModel.writeVocabulary(ModelDirectory.create(context.outputDir()), data.vocabulary());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the vocabulary into " + context.outputDir(), e);
            }
        }
        RnnCharModel scorer = model.asNextCharModel();
        // a file can be read by a cluster's workers themselves (each its own range); text in memory is batched here
        BatchSource batches = data.text().kind().equals(CorpusText.FILE)
                ? new CharTextShards(Path.of(data.source()), data.train(), data.vocabulary(), config.sequenceLength(),
                        training.batchSize())
                : new CharSequenceBatches(data.train(), vocabularySize, config.sequenceLength(), training.batchSize());
        TrainingResult result = new Trainer(training, context.progress()).train(TrainableNetwork.of(net), batches,
                network -> scorer.evaluate(data.validation()).crossEntropy(), context.outputDir(), context.resume());
        return new Trained<>(model, result, net.numParams(), 0);
    }

    @Override
    public Evaluation evaluate(CharLmModel model, PreparedCorpus data) {
        int[][] heldOut = data.heldOutWith(model.vocabulary());
        return score(model.asNextCharModel(), false, heldOut[0], heldOut[1]);
    }

    /**
     * Test bits per character by position in the sequence (1, 2–5, 6–10, 11–25, 26–50, 51–100, ...
     * up to the training sequence length), each window read from a cleared state: see
     * {@link BitsByPosition}. A network this app instance neither trained nor loaded is read in
     * windows of the default sequence length.
     */
    @Override
    public LengthBreakdown byLength(CharLmModel model, PreparedCorpus data) {
        int sequenceLength = sequenceLengths.getOrDefault(model.network(), CharLmConfig.defaults().sequenceLength());
        return BitsByPosition.of(model.network(), model.vocabulary().size(), data.heldOutWith(model.vocabulary())[1],
                sequenceLength);
    }

    @Override
    public List<Evaluation> baselines(CharLmConfig config, PreparedCorpus data) {
        List<Evaluation> all = new ArrayList<>();
        for (NextCharModel baseline : Baselines.fit(data)) {
            all.add(score(baseline, true, data.validation(), data.test()));
        }
        return all;
    }

    /** Test bits per character, perplexity and nats per character, and the validation part's bits per character. */
    static Evaluation score(NextCharModel model, boolean baseline, int[] validation, int[] test) {
        LanguageModelMetrics t = model.evaluate(test);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("bits_per_char", t.bitsPerSymbol());
        metrics.put("perplexity", t.perplexity());
        metrics.put("nats_per_char", t.crossEntropy());
        metrics.put("validation_bits_per_char", model.evaluate(validation).bitsPerSymbol());
        return new Evaluation(model.name(), baseline, metrics);
    }

    @Override
    public Metric primaryMetric() {
        return BITS_PER_CHAR;
    }

    @Override
    public void save(CharLmModel model, ModelDirectory dir) throws IOException {
        CharLmModel.writeVocabulary(dir, model.vocabulary());
    }

    @Override
    public CharLmModel load(CharLmConfig config, ModelDirectory dir) {
        CharLmModel model = CharLmModel.load(dir, config.recurrentSpec().label());
        sequenceLengths.put(model.network(), config.sequenceLength());
        return model;
    }

    /** Each prime continued by 200 characters at temperature 0.8 (seed 42); {@code sample} has the knobs. */
    @Override
    public List<String> predict(CharLmModel model, List<String> inputs) {
        List<String> answers = new ArrayList<>();
        for (String prime : inputs) {
            answers.add(prime + model.sampler().sample(prime, PREDICT_SAMPLES, s -> { }));
        }
        return answers;
    }

    @Override
    public String predictInput() {
        return "PRIME";
    }

    @Override
    public String setup(CharLmConfig config, DataSummary data) {
        TrainingConfig t = config.training();
        return String.format(Locale.ROOT, "Contiguous %.0f/%.0f/%.0f split of %s (%s): training part %s characters, validation %s, "
                        + "test %s; vocabulary %s from the training part only (characters seen fewer than %d times → UNK). "
                        + "One-hot characters, sequences of %d, truncated BPTT %d, batch %d, Adam %s. Bits per character "
                        + "(lower is better) by the same evaluation code for the networks and the count models.",
                100 * (1 - config.validationFraction() - config.testFraction()), 100 * config.validationFraction(),
                100 * config.testFraction(), data.name(), data.source(), data.details().get("train_characters"),
                data.details().get("validation_characters"), data.details().get("test_characters"),
                data.details().get("vocabulary_size"), config.minCharCount(), config.sequenceLength(),
                config.tbpttLength(), t.batchSize(), t.learningRate());
    }

    /** A sample at temperature 0.8 from each model, after the prime {@value #DEFAULT_PRIME} where the text has those characters. */
    @Override
    public CompareExtras compareExtras(CharLmConfig config, PreparedCorpus data, List<CompareRun.Compared<CharLmModel>> models,
                                       Path dir) {
        // a text without "The " (source code, another language) is primed with its first known character
        String prime = data.vocabulary().unknownCharacters(DEFAULT_PRIME).isEmpty() ? DEFAULT_PRIME : data.vocabulary().symbol(1);
        List<SectionResult.Titled<String>> texts = new ArrayList<>();
        for (CompareRun.Compared<CharLmModel> compared : models) {
            String sample = compared.model().sampler().sample(prime, COMPARE_SAMPLES, s -> { });
            texts.add(new SectionResult.Titled<>(compared.row().model() + " sample (temperature "
                    + COMPARE_SAMPLES.temperature() + ")", prime + sample));
        }
        return new CompareExtras(List.of(), texts);
    }

    @Override
    public List<Object> extraCommands() {
        return List.of(new SampleCommand(this), new ExplainCommand(this));
    }
}
