package io.rnnsuite.examples.bench;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.layers.FastForward;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Times one case in this JVM, with whatever native threads it was started with.
 *
 * <p>The network: input {@code [B, I, T]} (DL4J's NCW) → the recurrent stack of
 * {@link RecurrentLayerFactory#sequenceLayers} → {@link RnnOutputLayer} with {@link #OUTPUTS}
 * outputs per step, identity activation, mean squared error; float32, Adam (learning rate 1e-3),
 * no gradient clipping, no dropout. Inputs and targets are fixed uniform random arrays, so the
 * work per batch does not depend on the weights. {@code scripts/bench/pytorch_reference.py}
 * builds the same network.
 *
 * <p>B = 1 latency: for the fast implementation it is what a single request costs in the apps,
 * {@link FastForward} over the one sequence (given time-major, prepared once, as PyTorch's side
 * gets its tensor); for stock (and wherever {@link FastForward} does not take the network) it is
 * {@code net.output} on {@code [1, I, T]}.
 *
 * <p>Policy: each implementation's network is built and warmed up ({@code warmup} training
 * batches and as many inference calls) while its memory is measured; then every timed
 * repetition runs the implementations one after the other, so slow drifts of the machine hit
 * them alike. A repetition calls its task until at least {@code repeatSeconds} have passed and
 * counts the mean per call; reported times are the medians of the repetitions.
 */
public final class RecurrentBenchmark {

    /** Width of the per-step regression head (small, so the recurrent stack dominates). */
    public static final int OUTPUTS = 8;
    static final long SEED = 42;
    /** Untimed single-sequence calls of the fast path per warm-up batch (JIT compilation of its loops). */
    static final int SINGLE_WARMUP_PER_BATCH = 100;

    /**
     * How much to measure.
     *
     * @param warmup        untimed training batches (and inference calls) before timing
     * @param warmupSeconds   and untimed training for at least this long (0: only the batches)
     * @param repeats       timed repetitions of each measurement
     * @param repeatSeconds each repetition repeats its call until at least this long has passed and
     *                      counts the mean per call (0: one call)
     */
    public record Settings(int warmup, double warmupSeconds, int repeats, double repeatSeconds) {
        public Settings {
            if (warmup < 0 || repeats < 1 || !(warmupSeconds >= 0) || !(repeatSeconds >= 0)) {
                throw new UserInputException("--warmup must be at least 0, --warmup-seconds at least 0, --repeats at least 1"
                        + " and --repeat-seconds at least 0");
            }
        }
    }

    /**
     * Default untimed training time per implementation. Two batches left the small app cases half
     * compiled: app-forecast's fast training measured 6.8 ms per batch after 2 warm-up batches and
     * 3.5 ms after 20 (2026-12-01, 1 thread); a training run does thousands of batches.
     */
    public static final double DEFAULT_WARMUP_SECONDS = 3.0;

    /**
     * Default length of one timed repetition. Single calls of the small cases are a few
     * milliseconds, and one step in a few runs slower than the rest: app-forecast's fast training
     * measured a median of 3.57-9.02 ms per step over 7 single-step repetitions in six processes,
     * 3.28-3.71 ms over 60 (2026-12-02, 1 thread). Half a second per repetition averages such steps
     * in, on both sides, as a training run does.
     */
    public static final double DEFAULT_REPEAT_SECONDS = 0.5;

    private final Settings settings;
    private final int threads;
    private final double peakGflops;
    private final Consumer<String> log;

    /**
     * @param threads    the thread count this JVM runs with, recorded in each row
     * @param peakGflops this JVM's measured sgemm peak ({@link GemmPeak})
     * @param log        progress lines
     */
    public RecurrentBenchmark(Settings settings, int threads, double peakGflops, Consumer<String> log) {
        this.settings = settings;
        this.threads = threads;
        this.peakGflops = peakGflops;
        this.log = log;
    }

    /** The benchmark network for {@code c} built with {@code impl}, initialised. */
    public static MultiLayerNetwork network(BenchCase c, RecurrentImpl impl) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(SEED, 1e-3, 0).list();
        // no gradient for the features on the fast side, as PyTorch computes none for an input that needs none
        for (Layer layer : RecurrentLayerFactory.onNetworkInput(RecurrentLayerFactory.sequenceLayers(c.recurrentSpec(impl), c.inputs()))) {
            list.layer(layer);
        }
        // NCW stated explicitly: after a Bidirectional layer DL4J 1.0.0-M2.1 otherwise gives the
        // output layer NWC and fit() fails on the label shape
        list.layer(RecurrentLayerFactory.sequenceOutput(impl, LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .dataFormat(RNNFormat.NCW).nIn(c.outputSize()).nOut(OUTPUTS).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** One row per implementation: measured, or skipped with the reason. */
    public List<BenchResult> run(BenchCase c, List<RecurrentImpl> impls) {
        Nd4j.getRandom().setSeed(SEED);
        INDArray features = Nd4j.rand(DataType.FLOAT, c.batch(), c.inputs(), c.steps());
        INDArray labels = Nd4j.rand(DataType.FLOAT, c.batch(), OUTPUTS, c.steps());
        INDArray single = features.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all()).dup();

        List<Slot> slots = new ArrayList<>();
        List<BenchResult> rows = new ArrayList<>();
        for (RecurrentImpl impl : impls) {
            if (c.cell() == CellType.GRU && impl == RecurrentImpl.STOCK) {
                rows.add(BenchResult.skipped(c, OUTPUTS, impl.cliName(), threads,
                        "no stock GRU: DL4J 1.0.0-M2.1 has no GRU layer"));
                continue;
            }
            try {
                slots.add(warmUp(c, impl, features, labels, single));
            } catch (UserInputException e) {
                rows.add(BenchResult.skipped(c, OUTPUTS, impl.cliName(), threads, e.getMessage()));
            }
        }
        // the memory measurements reset the shared workspaces: one untimed round so that no timed
        // repetition pays for growing them again
        for (Slot slot : slots) {
            useThreads(slot.impl);
            slot.net.fit(features, labels);
            slot.net.output(features);
            slot.single.run();
        }
        for (int r = 0; r < settings.repeats(); r++) {
            for (Slot slot : slots) {
                useThreads(slot.impl);
                slot.trainMs[r] = millisPerCall(() -> slot.net.fit(features, labels), settings.repeatSeconds());
            }
        }
        for (int r = 0; r < settings.repeats(); r++) {
            for (Slot slot : slots) {
                useThreads(slot.impl);
                slot.inferMs[r] = millisPerCall(() -> slot.net.output(features), settings.repeatSeconds());
            }
        }
        for (int r = 0; r < settings.repeats(); r++) {
            for (Slot slot : slots) {
                useThreads(slot.impl);
                slot.latencyMs[r] = millisPerCall(slot.single, settings.repeatSeconds());
                if (slot.impl == RecurrentImpl.FAST) {
                    // what a single request cost before the fast path, for the log
                    slot.outputLatencyMs[r] = millisPerCall(() -> slot.net.output(single), settings.repeatSeconds());
                }
            }
        }
        for (Slot slot : slots) {
            if (slot.impl == RecurrentImpl.FAST) {
                log.accept(String.format(java.util.Locale.ROOT, "  %s fast: B=1 %.3f ms (through net.output: %.3f ms)",
                        c.name(), Stats.median(slot.latencyMs), Stats.median(slot.outputLatencyMs)));
            }
        }
        for (Slot slot : slots) {
            BenchResult row = BenchResult.measured(c, OUTPUTS, slot.impl.cliName(), threads, Stats.median(slot.trainMs),
                    Stats.median(slot.inferMs), Stats.median(slot.latencyMs), peakGflops, slot.memoryMib);
            rows.add(row);
        }
        rows.sort((a, b) -> Integer.compare(impls.indexOf(RecurrentImpl.parse(a.impl())),
                impls.indexOf(RecurrentImpl.parse(b.impl()))));
        releaseWorkspaces();
        return rows;
    }

    /**
     * The thread policy of one implementation with {@code threads} cores (see BenchReport's notes):
     * stock: ND4J's ops and OpenBLAS on all of them; fast: OpenBLAS on all, ND4J's ops on one.
     */
    private void useThreads(RecurrentImpl impl) {
        NativeThreads.apply(impl == RecurrentImpl.FAST ? 1 : threads);
        NativeThreads.applyBlas(threads);
        NativeThreads.useBlasThreads();
    }

    private Slot warmUp(BenchCase c, RecurrentImpl impl, INDArray features, INDArray labels, INDArray single) {
        log.accept(String.format("  %s %s: warm-up", c.name(), impl.cliName()));
        useThreads(impl);
        releaseWorkspaces();
        NetworkMemory.Measured<MultiLayerNetwork> built = NetworkMemory.during(() -> {
            MultiLayerNetwork net = network(c, impl);
            long warmUntil = System.nanoTime() + (long) (settings.warmupSeconds() * 1e9);
            for (int i = 0; i < Math.max(1, settings.warmup()) || System.nanoTime() < warmUntil; i++) {
                net.fit(features, labels);
                net.output(features);
                net.output(single);
            }
            return net;
        });
        double memoryMib = built.mib();
        MultiLayerNetwork net = built.value();
        Runnable oneSequence = singleSequence(net, impl, single);
        // the fast path costs well under a millisecond once compiled: enough calls for the JIT
        int singleWarmup = Math.max(1, settings.warmup()) * (impl == RecurrentImpl.FAST && FastForward.of(net).isPresent()
                ? SINGLE_WARMUP_PER_BATCH : 1);
        for (int i = 0; i < singleWarmup; i++) {
            oneSequence.run();
        }
        return new Slot(impl, net, memoryMib, settings.repeats(), oneSequence);
    }

    /**
     * One B = 1 inference of {@code single} ({@code [1, I, T]}): through {@link FastForward} for
     * the fast implementation where it takes the network, else {@code net.output}.
     */
    static Runnable singleSequence(MultiLayerNetwork net, RecurrentImpl impl, INDArray single) {
        java.util.Optional<FastForward> forward = impl == RecurrentImpl.FAST ? FastForward.of(net) : java.util.Optional.empty();
        if (forward.isEmpty()) {
            return () -> net.output(single);
        }
        FastForward pass = forward.get();
        int steps = (int) single.size(2);
        int inputs = (int) single.size(1);
        double[] timeMajor = new double[steps * inputs];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < inputs; i++) {
                timeMajor[t * inputs + i] = single.getDouble(0, i, t);
            }
        }
        double[] out = new double[pass.outputLength(steps)];
        return () -> pass.output(timeMajor, steps, out);
    }

    /**
     * Frees this thread's workspaces and, as far as a JVM allows, the off-heap memory of
     * unreachable arrays (JavaCPP releases it once the collector has queued their references).
     */
    private static void releaseWorkspaces() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        System.gc();
        Pointer.deallocateReferences();
        System.gc();
    }

    /**
     * Milliseconds per call of {@code task}, called at least once and until {@code minSeconds}
     * have passed: the mean over the calls of one repetition.
     */
    static double millisPerCall(Runnable task, double minSeconds) {
        long start = System.nanoTime();
        long until = start + (long) (minSeconds * 1e9);
        int calls = 0;
        long now;
        do {
            task.run();
            calls++;
            now = System.nanoTime();
        } while (now < until);
        return (now - start) / 1e6 / calls;
    }

    /** One implementation's network and its timings. */
    private static final class Slot {
        final RecurrentImpl impl;
        final MultiLayerNetwork net;
        final double memoryMib;
        final double[] trainMs;
        final double[] inferMs;
        final double[] latencyMs;
        final double[] outputLatencyMs;
        /** One B = 1 inference, as the latency measures it. */
        final Runnable single;

        Slot(RecurrentImpl impl, MultiLayerNetwork net, double memoryMib, int repeats, Runnable single) {
            this.single = single;
            this.impl = impl;
            this.net = net;
            this.memoryMib = memoryMib;
            this.trainMs = new double[repeats];
            this.inferMs = new double[repeats];
            this.latencyMs = new double[repeats];
            this.outputLatencyMs = new double[repeats];
        }
    }
}
