package io.rnnsuite.examples.bench;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.model.CharLmNetworks;
import io.rnnsuite.charlm.model.CharSampler;
import io.rnnsuite.charlm.model.SamplingOptions;
import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.text.CharVocabulary;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Characters per second of {@code charlm sample} on the char-LM's default model: the network of
 * {@link CharLmNetworks#create} for {@link CharLmConfig#defaults()} (2-layer LSTM(128), softmax)
 * over europarl-en's vocabulary size ({@value #VOCABULARY} symbols), untrained (the work per
 * character does not depend on the weights). One repetition is one {@link CharSampler#sample}
 * call: a prime of {@value #PRIME} characters, then {@code characters} drawn one at a time at
 * temperature 1; the rate counts the drawn characters over the whole call.
 *
 * <p>Rows: {@code fast} is what {@code charlm sample} runs with the fast layers (their
 * single-step path where the network allows it), {@code fast-rnntimestep} the same network through
 * DL4J's {@code rnnTimeStep} (what the playground's and beam search's requests use), {@code stock}
 * DL4J's own layers through {@code rnnTimeStep}. {@code scripts/bench/pytorch_reference.py} times
 * a plain eager PyTorch loop over the same architecture.
 */
public final class SamplingBenchmark {

    /** The case's name in tables. */
    public static final String NAME = "sample-charlm";
    /** europarl-en's vocabulary with the unknown symbol (docs/results/char-lm.md). */
    public static final int VOCABULARY = 108;
    /** Characters fed before the first draw. */
    public static final int PRIME = 16;

    /**
     * One row of {@code bench.json}'s {@code sampling} list.
     *
     * @param caseName        {@value #NAME}
     * @param spec            the recurrent stack, {@code variant:1xCHARSxVOCABULARYxHIDDENxLAYERS}
     * @param impl            fast, fast-rnntimestep, stock (DL4J) or pytorch
     * @param threads         the process's thread count
     * @param characters      characters drawn per repetition
     * @param charsPerS       median over the repetitions
     * @param msPerChar       1000 / charsPerS
     * @param charsPerCpuS    median of the drawn characters over the CPU time of the sampling thread: on a machine
     *                        whose cores other processes share, a steadier measure of the work per character than
     *                        wall time (meaningful where the thread does all the work: one BLAS thread)
     * @param skipped         why there are no figures, or null
     */
    public record SamplingResult(String caseName, String spec, String impl, int threads, int characters, Double charsPerS,
                                 Double msPerChar, Double charsPerCpuS, String skipped) {
    }

    private final int warmup;
    private final int repeats;
    private final int threads;
    private final Consumer<String> log;

    public SamplingBenchmark(int warmup, int repeats, int threads, Consumer<String> log) {
        this.warmup = warmup;
        this.repeats = repeats;
        this.threads = threads;
        this.log = log;
    }

    /** The case's spec text for {@code characters} drawn per repetition. */
    public static String spec(int characters) {
        RecurrentSpec spec = CharLmConfig.defaults().recurrentSpec();
        return String.format(Locale.ROOT, "%s:1x%dx%dx%dx%d", spec.cell().cliName(), characters, VOCABULARY,
                spec.hiddenSize(), spec.layers());
    }

    /** Rows for {@code impls} (fast gives two: its single-step path and rnnTimeStep), measured alternately. */
    public List<SamplingResult> run(int characters, List<RecurrentImpl> impls) {
        CharVocabulary vocabulary = new CharVocabulary(IntStream.range(0, VOCABULARY - 1).map(i -> 0x100 + i).boxed().toList());
        String prime = vocabulary.decode(IntStream.range(0, PRIME).map(i -> 1 + (i * 7) % (VOCABULARY - 1)).toArray());
        List<String> names = new ArrayList<>();
        List<CharSampler> samplers = new ArrayList<>();
        List<RecurrentImpl> policies = new ArrayList<>();
        for (RecurrentImpl impl : impls) {
            CharLmConfig config = CharLmConfig.defaults();
            config = config.with(config.recurrentSpec().withImpl(impl), config.training());
            MultiLayerNetwork net = CharLmNetworks.create(config, VOCABULARY, config.training());
            samplers.add(new CharSampler(net, vocabulary));
            names.add(impl.cliName());
            policies.add(impl);
            if (impl == RecurrentImpl.FAST) {
                samplers.add(new CharSampler(net, vocabulary, false));
                names.add("fast-rnntimestep");
                policies.add(impl);
            }
        }
        double[][] rates = new double[samplers.size()][repeats];
        double[][] cpuRates = new double[samplers.size()][repeats];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < samplers.size(); i++) {
            log.accept(String.format("  %s %s: warm-up", NAME, names.get(i)));
            useThreads(policies.get(i));
            for (int w = 0; w < Math.max(1, warmup); w++) {
                samplers.get(i).sample(prime, new SamplingOptions(characters, 1.0, 0, w), s -> { });
            }
        }
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < samplers.size(); i++) {
                useThreads(policies.get(i));
                SamplingOptions options = new SamplingOptions(characters, 1.0, 0, 100 + r);
                CharSampler sampler = samplers.get(i);
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                sampler.sample(prime, options, s -> { });
                rates[i][r] = characters / ((System.nanoTime() - start) / 1e9);
                cpuRates[i][r] = characters / (Math.max(1, cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
        }
        List<SamplingResult> rows = new ArrayList<>();
        for (int i = 0; i < samplers.size(); i++) {
            double rate = Stats.median(rates[i]);
            rows.add(new SamplingResult(NAME, spec(characters), names.get(i), threads, characters, rate, 1000 / rate,
                    Stats.median(cpuRates[i]), null));
        }
        return rows;
    }

    /** The same thread policy as the training cases ({@link RecurrentBenchmark}). */
    private void useThreads(RecurrentImpl impl) {
        NativeThreads.apply(impl == RecurrentImpl.FAST ? 1 : threads);
        NativeThreads.applyBlas(threads);
        NativeThreads.useBlasThreads();
    }
}
