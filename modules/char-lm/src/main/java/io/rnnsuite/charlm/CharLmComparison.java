package io.rnnsuite.charlm;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.report.PeakMemory;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The char-lm comparison: SimpleRnn, LSTM and a 2-layer LSTM, each trained on the same split for
 * the same wall-clock budget, beside the count-based baselines, all scored by the same code;
 * written as a markdown report with a learning-curve PNG and samples at a few temperatures.
 */
public final class CharLmComparison {

    /** Temperatures of the report's samples. */
    static final double[] SAMPLE_TEMPERATURES = {0.5, 0.8, 1.0};
    static final String REPORT_FILE = "char-lm-report.md";
    static final String CURVE_FILE = "char-lm-learning-curves.png";

    /**
     * One trained variant.
     *
     * @param label   {@code simple_rnn}, {@code lstm}, {@code 2x_lstm}
     * @param result  training and evaluation
     * @param samples sample text per temperature
     * @param samplingCharsPerSecond characters per second of stateful sampling
     * @param peakMiB  peak heap-in-use plus off-heap memory while this variant trained and sampled (common PeakMemory)
     */
    public record Variant(String label, CharLmTrainer.Result result, List<String> samples, double samplingCharsPerSecond,
                          double peakMiB) {
    }

    /**
     * What the comparison produced.
     *
     * @param variants  the recurrent models, in training order
     * @param baselines the count-based models' scores
     * @param table     the summary table
     * @param report    the markdown report written
     */
    public record Outcome(List<Variant> variants, List<CharLmEvaluation> baselines, MarkdownTable table, Path report) {
    }

    private final CharLmConfig base;
    private final TrainingConfig training;
    private final Function<String, ProgressReporter> progress;

    /**
     * @param base     sizes and data settings shared by every variant (cell and depth are overridden)
     * @param training optimiser settings and the per-variant time budget
     * @param progress a progress reporter per variant label
     */
    public CharLmComparison(CharLmConfig base, TrainingConfig training, Function<String, ProgressReporter> progress) {
        this.base = base;
        this.training = training;
        this.progress = progress;
    }

    /** The three variants the issue asks for. */
    static List<CharLmConfig> variants(CharLmConfig base) {
        return List.of(base.withCell(CellType.SIMPLE_RNN, 1), base.withCell(CellType.LSTM, 1), base.withCell(CellType.LSTM, 2));
    }

    /** Trains every variant and writes the report into {@code reportDir}. */
    public Outcome run(CorpusText text, String prime, Path reportDir) {
        PreparedCorpus corpus = PreparedCorpus.prepare(text, base);
        List<CharLmEvaluation> baselines = new ArrayList<>();
        for (NextCharModel model : CharLmEvaluation.baselines(corpus)) {
            baselines.add(CharLmEvaluation.of(model, corpus));
        }
        List<Variant> variants = new ArrayList<>();
        for (CharLmConfig config : variants(base)) {
            String label = config.recurrentSpec().label();
            PeakMemory.Measured<Variant> measured = PeakMemory.during(() -> trainAndSample(config, corpus, prime));
            Variant v = measured.value();
            variants.add(new Variant(label, v.result(), v.samples(), v.samplingCharsPerSecond(), measured.peakMiB()));
        }
        MarkdownTable table = table(variants, baselines);
        Path report = reportDir.resolve(REPORT_FILE);
        try {
            chart(variants, baselines).savePng(reportDir.resolve(CURVE_FILE), 900, 500);
            AtomicFiles.writeString(report, markdown(corpus, prime, table, variants));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + reportDir, e);
        }
        return new Outcome(variants, baselines, table, report);
    }

    private Variant trainAndSample(CharLmConfig config, PreparedCorpus corpus, String prime) {
        String label = config.recurrentSpec().label();
        CharLmTrainer.Result result = new CharLmTrainer(config, training, progress.apply(label)).train(corpus, null, false);
        List<String> samples = new ArrayList<>();
        long start = System.nanoTime();
        int sampled = 0;
        for (double temperature : SAMPLE_TEMPERATURES) {
            String sample = result.model().sampler().sample(prime, new SamplingOptions(300, temperature, 0, training.seed()), s -> { });
            samples.add(sample);
            sampled += sample.length();
        }
        return new Variant(label, result, samples, sampled / ((System.nanoTime() - start) / 1e9), 0);
    }

    static MarkdownTable table(List<Variant> variants, List<CharLmEvaluation> baselines) {
        MarkdownTable table = new MarkdownTable("model", "val bpc", "test bpc", "test perplexity", "parameters",
                "epochs", "train s", "train chars/s", "sample chars/s", "peak MiB");
        for (Variant v : variants) {
            CharLmTrainer.Result r = v.result();
            table.row(v.label(), r.evaluation().validation().bitsPerSymbol(), r.evaluation().test().bitsPerSymbol(),
                    r.evaluation().test().perplexity(), r.model().network().numParams(), r.training().history().size(),
                    r.training().trainingSeconds(), r.trainingCharsPerSecond(), v.samplingCharsPerSecond(), v.peakMiB());
        }
        for (CharLmEvaluation b : baselines) {
            table.row(b.model(), b.validation().bitsPerSymbol(), b.test().bitsPerSymbol(), b.test().perplexity(),
                    "–", "–", "–", "–", "–", "–");
        }
        return table;
    }

    private static LineChart chart(List<Variant> variants, List<CharLmEvaluation> baselines) {
        LineChart chart = new LineChart("Validation bits per character", "training seconds", "bits per character");
        double maxSeconds = 1;
        for (Variant v : variants) {
            List<EpochStats> history = v.result().training().history();
            double[] x = new double[history.size()];
            double[] y = new double[history.size()];
            double seconds = 0;
            for (int i = 0; i < history.size(); i++) {
                seconds += history.get(i).seconds();
                x[i] = seconds;
                y[i] = history.get(i).validationLoss() / Math.log(2);
            }
            maxSeconds = Math.max(maxSeconds, seconds);
            chart.line(v.label(), x, y);
        }
        for (CharLmEvaluation b : baselines) {
            double bpc = b.validation().bitsPerSymbol();
            chart.dashedLine(b.model(), new double[] {0, maxSeconds}, new double[] {bpc, bpc});
        }
        return chart;
    }

    private String markdown(PreparedCorpus corpus, String prime, MarkdownTable table, List<Variant> variants) {
        StringBuilder md = new StringBuilder();
        md.append("# Character language models on ").append(corpus.source()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Training part %,d characters, validation %,d, test %,d; vocabulary %d "
                        + "(training part only, characters seen fewer than %d times → UNK). Every recurrent model: hidden %d, "
                        + "sequences of %d, tBPTT %d, batch %d, Adam %s, budget %s per model; an epoch here is %s "
                        + "(one learning-curve point). bpc = bits per character (lower is better); train s and train chars/s "
                        + "include the validation after each epoch.%n%n",
                corpus.train().length, corpus.validation().length, corpus.test().length, corpus.vocabulary().size(),
                base.minCharCount(), base.hiddenSize(), base.sequenceLength(), base.tbpttLength(), training.batchSize(),
                training.learningRate(), training.timeBudgetSeconds() > 0 ? String.format(Locale.ROOT, "%.0f s", training.timeBudgetSeconds()) : "none",
                training.maxBatchesPerEpoch() > 0 ? training.maxBatchesPerEpoch() + " minibatches" : "a full pass"));
        md.append(table.toMarkdown()).append('\n');
        md.append("Peak MiB: the process's resident memory (Java heap and ND4J off-heap) while that model trained "
                + "and sampled, so it includes the corpus and everything loaded before.\n\n");
        md.append("![learning curves](").append(CURVE_FILE).append(")\n\n## Samples\n\n");
        for (Variant v : variants) {
            for (int i = 0; i < SAMPLE_TEMPERATURES.length; i++) {
                md.append(String.format(Locale.ROOT, "**%s, temperature %.1f** (prime \"%s\")%n%n```%n%s%s%n```%n%n",
                        v.label(), SAMPLE_TEMPERATURES[i], prime, prime, v.samples().get(i)));
            }
        }
        return md.toString();
    }
}
