package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The two-core split of the fast layers: the same outputs, gradients and training steps as one
 * thread (to float rounding) for every cell, with masks, truncated BPTT and an odd batch; repeats
 * exactly; a failure in the helper's half reaches the caller; two callers at once each get every
 * row exactly once.
 */
class RowSplitTest {

    private static final int BATCH = 9;
    private static final int STEPS = 7;
    private static final int IN = 6;
    private static final int HIDDEN = 20;
    private static final int OUT = 3;

    @BeforeEach
    void needsMkl() {
        assumeTrue(BlasLibrary.choose(), "the split runs on MKL only (RNN_SUITE_BLAS=openblas here)");
    }

    @AfterEach
    void restoreDefaults() {
        BlasThreads.applyBlas(1);
        RowSplit.setEnabled(true);
        RowSplit.setMinimumWork(RowSplit.MIN_WORK_PER_HALF);
        FastForward.setMinimumUnitSplitWork(FastForward.MIN_UNIT_SPLIT_WORK);
    }

    @Test
    void everyCellGivesOneThreadsOutputsAndGradientsWhenSplit() {
        check("FastLstm", () -> new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN, false);
        check("FastSimpleRnn", () -> new FastSimpleRnn.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN, false);
        check("Gru", () -> new Gru.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN, false);
        check("FastBidirectional(FastLstm)", () -> new FastBidirectional(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build()),
                2 * HIDDEN, false);
        // DL4J's LSTM does not keep the feature mask; bidirectional, its backward half reads each sequence from its end
        check("FastBidirectional(FastLstm), masked",
                () -> new FastBidirectional(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build()), 2 * HIDDEN, true);
        check("Gru, masked", () -> new Gru.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN, true);
        check("FastBidirectional(FastSimpleRnn), masked",
                () -> new FastBidirectional(new FastSimpleRnn.Builder().nIn(IN).nOut(HIDDEN).build()), 2 * HIDDEN, true);
    }

    @Test
    void layersTooLargeToSplitAreLeftToMklsOwnThreads() {
        forceSplit();
        int pass = RowSplit.beginPass(RowSplit.MAX_SPLIT_WEIGHT_BYTES + 1);
        try {
            assertTrue(RowSplit.inLargePass());
            BlasThreads.useBlasThreads();
            assertEquals(2, org.bytedeco.openblas.global.openblas.blas_get_num_threads(), "MKL's own two threads");
            List<String> ranges = new ArrayList<>();
            RowSplit.run(10, Long.MAX_VALUE / 100, (from, to) -> ranges.add(from + ".." + to));
            assertEquals(List.of("0..10"), ranges, "nothing split inside the pass");
        } finally {
            RowSplit.endPass(pass);
        }
        assertFalse(RowSplit.inLargePass());
        BlasThreads.useBlasThreads();
        assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads(), "one BLAS thread under the split again");
        // SimpleRnn(420): 689 KiB of recurrent weights; its layout copies still split
        check("FastSimpleRnn(420)", () -> new FastSimpleRnn.Builder().nIn(IN).nOut(420).build(), 420, true);
    }

    @Test
    void truncatedBpttTrainsAsOneThreadDoes() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, BATCH, IN, STEPS);
        INDArray y = Nd4j.randn(DataType.FLOAT, BATCH, OUT, STEPS);
        MultiLayerNetwork reference = tbpttNetwork();
        MultiLayerNetwork split = tbpttNetwork();
        split.setParams(reference.params().dup());

        BlasThreads.applyBlas(1);
        reference.fit(x, y);
        reference.fit(x, y);
        forceSplit();
        long before = RowSplit.splitPasses();
        split.fit(x, y);
        split.fit(x, y);
        assertTrue(RowSplit.splitPasses() > before, "the training steps were split");
        assertClose("truncated BPTT, parameters after two updates", reference.params(), split.params());
    }

    @Test
    void repeatsBitForBit() {
        MultiLayerNetwork net = network(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN, null);
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.randn(DataType.FLOAT, BATCH, IN, STEPS);
        INDArray y = Nd4j.randn(DataType.FLOAT, BATCH, OUT, STEPS);
        forceSplit();
        float[] first = outputAndGradient(net, x, y, null);
        float[] second = outputAndGradient(net, x, y, null);
        assertArrayEquals(first, second, 0f);
    }

    @Test
    void aFailureInTheHelpersHalfReachesTheCallerAndTheHelperCarriesOn() {
        forceSplit();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> RowSplit.run(10, 1, (from, to) -> {
            if (from > 0) {
                throw new IllegalStateException("second half failed");
            }
        }));
        assertEquals("second half failed", thrown.getMessage());

        List<String> ranges = Collections.synchronizedList(new ArrayList<>());
        RowSplit.run(10, 1, (from, to) -> ranges.add(from + ".." + to + (Thread.currentThread().getName().equals("rnn-suite-row-split") ? " helper" : " caller")));
        Collections.sort(ranges);
        assertEquals(List.of("0..5 caller", "5..10 helper"), ranges);
    }

    @Test
    void runsEverythingOnTheCallerWhenOneThreadIsWantedOrTheWorkIsSmall() {
        List<String> ranges = Collections.synchronizedList(new ArrayList<>());
        BlasThreads.applyBlas(1);
        RowSplit.run(10, Long.MAX_VALUE / 100, (from, to) -> ranges.add(from + ".." + to));
        BlasThreads.applyBlas(2);
        RowSplit.run(10, 1, (from, to) -> ranges.add(from + ".." + to));
        RowSplit.setMinimumWork(0);
        RowSplit.run(1, 1, (from, to) -> ranges.add(from + ".." + to));
        assertEquals(List.of("0..10", "0..10", "0..1"), ranges);
    }

    @Test
    void twoCallersAtOnceEachGetEveryRowOnce() throws InterruptedException {
        forceSplit();
        int rows = 1000;
        int calls = 200;
        AtomicReference<String> problem = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                    for (int call = 0; call < calls; call++) {
                        int[] seen = new int[rows];
                        RowSplit.run(rows, 1, (from, to) -> {
                            for (int r = from; r < to; r++) {
                                seen[r]++;
                            }
                        });
                        for (int r = 0; r < rows; r++) {
                            if (seen[r] != 1) {
                                problem.compareAndSet(null, "call " + call + ": row " + r + " ran " + seen[r] + " times");
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    problem.compareAndSet(null, "interrupted");
                }
            });
            callers.add(caller);
            caller.start();
        }
        start.countDown();
        for (Thread caller : callers) {
            caller.join(60_000);
        }
        assertEquals(null, problem.get());
    }

    /**
     * A single sequence on two cores: a bidirectional layer's directions side by side, a stack
     * of one-directional layers as a pipeline (three layers: the first and third on one core,
     * the second on the other), feature vectors and one-hot indices; the outputs of one thread's
     * pass and of the network's own.
     */
    @Test
    void singleSequencesShareTheCoresByDirectionAndByLayer() {
        int steps = 11;
        MultiLayerNetwork stack = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(5).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).list()
                .layer(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build())
                .layer(new Gru.Builder().nIn(HIDDEN).nOut(HIDDEN + 3).build())
                .layer(new FastSimpleRnn.Builder().nIn(HIDDEN + 3).nOut(HIDDEN).build())
                .layer(new FastBidirectional(new FastLstm.Builder().nIn(HIDDEN).nOut(HIDDEN).build()))
                .layer(new FastRnnOutput.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(2 * HIDDEN).nOut(IN).build())
                .build());
        stack.init();
        FastForward forward = FastForward.of(stack).orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(stack)));
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.randn(DataType.FLOAT, 1, IN, steps);
        double[] timeMajor = timeMajor(x);
        int[] indices = indices(steps, 2);
        INDArray oneHot = oneHot(indices, DataType.FLOAT);
        BlasThreads.applyBlas(1);
        double[] oneThread = new double[forward.outputLength(steps)];
        forward.output(timeMajor, steps, oneThread);
        double[] oneThreadIndices = new double[forward.outputLength(steps)];
        forward.outputForIndices(indices, oneThreadIndices);

        forceSplit();
        long before = RowSplit.splitPasses();
        double[] split = new double[oneThread.length];
        forward.output(timeMajor, steps, split);
        double[] splitIndices = new double[oneThread.length];
        forward.outputForIndices(indices, splitIndices);
        assertTrue(RowSplit.splitPasses() >= before + 4, "pipeline and directions split, both inputs");
        double[] network = stack.output(x).get(NDArrayIndex.point(0)).transpose().dup('c').data().asDouble();
        double[] networkIndices = stack.output(oneHot).get(NDArrayIndex.point(0)).transpose().dup('c').data().asDouble();
        for (int i = 0; i < split.length; i++) {
            assertEquals(oneThread[i], split[i], 1e-5, "vectors, at " + i);
            assertEquals(network[i], split[i], 1e-5, "vectors against net.output, at " + i);
            assertEquals(oneThreadIndices[i], splitIndices[i], 1e-5, "indices, at " + i);
            assertEquals(networkIndices[i], splitIndices[i], 1e-5, "indices against net.output, at " + i);
        }
    }

    /**
     * A single one-directional layer's steps on two cores, each core taking half its hidden units
     * (an odd number of them here, so the halves differ): for each cell, in float and double, feature vectors and
     * one-hot indices, the outputs of one thread's pass and of the network's own, twice in a row
     * (the shares start each sequence from the zero state).
     */
    @Test
    void aSingleLayersUnitsAreSharedBetweenTheCores() {
        int steps = 13;
        int hidden = HIDDEN + 1;
        List<Supplier<Layer>> layers = List.of(
                () -> new FastLstm.Builder().nIn(IN).nOut(hidden).build(),
                () -> new FastSimpleRnn.Builder().nIn(IN).nOut(hidden).build(),
                () -> new Gru.Builder().nIn(IN).nOut(hidden).build());
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (Supplier<Layer> layer : layers) {
                MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                        .seed(11).dataType(type).weightInit(WeightInit.XAVIER).list()
                        .layer(layer.get())
                        .layer(new FastRnnOutput.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                                .nIn(hidden).nOut(IN).build())
                        .build());
                net.init();
                // biases away from zero, so that a share reading the wrong entries shows
                INDArray bias = net.getLayer(0).getParam("b");
                for (long i = 0; i < bias.length(); i++) {
                    bias.putScalar(i, -1 + 2.0 * i / (bias.length() - 1));
                }
                String name = net.getLayer(0).getClass().getSimpleName() + " in " + type;
                FastForward forward = FastForward.of(net).orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(net)));
                Nd4j.getRandom().setSeed(3);
                INDArray x = Nd4j.randn(type, 1, IN, steps);
                double[] timeMajor = timeMajor(x);
                int[] indices = indices(steps, 1);
                INDArray oneHot = oneHot(indices, type);
                BlasThreads.applyBlas(1);
                double[] oneThread = new double[forward.outputLength(steps)];
                forward.output(timeMajor, steps, oneThread);
                double[] oneThreadIndices = new double[oneThread.length];
                forward.outputForIndices(indices, oneThreadIndices);

                forceSplit();
                FastForward.setMinimumUnitSplitWork(0);
                long before = FastForward.unitSplits();
                double[] network = net.output(x).get(NDArrayIndex.point(0)).transpose().dup('c').data().asDouble();
                double[] networkIndices = net.output(oneHot).get(NDArrayIndex.point(0)).transpose().dup('c').data().asDouble();
                for (int round = 0; round < 2; round++) {
                    double[] split = new double[oneThread.length];
                    forward.output(timeMajor, steps, split);
                    double[] splitIndices = new double[oneThread.length];
                    forward.outputForIndices(indices, splitIndices);
                    for (int i = 0; i < split.length; i++) {
                        assertEquals(oneThread[i], split[i], 1e-5, name + ", vectors, round " + round + ", at " + i);
                        assertEquals(network[i], split[i], 1e-5, name + ", vectors against net.output, at " + i);
                        assertEquals(oneThreadIndices[i], splitIndices[i], 1e-5, name + ", indices, at " + i);
                        assertEquals(networkIndices[i], splitIndices[i], 1e-5, name + ", indices against net.output, at " + i);
                    }
                }
                assertEquals(before + 4, FastForward.unitSplits(), name + ": every sequence split by units");
                // with the helper busy (here: inside another split) the steps run on the calling thread
                double[] nested = new double[oneThread.length];
                RowSplit.runInTwo((from, to) -> {
                    if (from == 0) {
                        forward.output(timeMajor, steps, nested);
                    }
                });
                assertEquals(before + 4, FastForward.unitSplits(), name + ": not split inside another split");
                for (int i = 0; i < nested.length; i++) {
                    assertEquals(oneThread[i], nested[i], 1e-5, name + ", inside another split, at " + i);
                }
                FastForward.setMinimumUnitSplitWork(FastForward.MIN_UNIT_SPLIT_WORK);
            }
        }
    }

    /**
     * A stack whose layers are all large enough for the unit split runs them one after the other,
     * each on both cores, instead of as a pipeline: the same outputs as one thread and the network.
     */
    @Test
    void aStackOfLargeEnoughLayersSplitsUnitsInsteadOfPipelining() {
        int steps = 9;
        MultiLayerNetwork stack = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(13).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).list()
                .layer(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build())
                .layer(new Gru.Builder().nIn(HIDDEN).nOut(HIDDEN + 3).build())
                .layer(new FastRnnOutput.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(HIDDEN + 3).nOut(OUT).build())
                .build());
        stack.init();
        FastForward forward = FastForward.of(stack).orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(stack)));
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.randn(DataType.FLOAT, 1, IN, steps);
        double[] timeMajor = timeMajor(x);
        BlasThreads.applyBlas(1);
        double[] oneThread = new double[forward.outputLength(steps)];
        forward.output(timeMajor, steps, oneThread);

        forceSplit();
        FastForward.setMinimumUnitSplitWork(0);
        long before = FastForward.unitSplits();
        double[] split = new double[oneThread.length];
        forward.output(timeMajor, steps, split);
        assertEquals(before + 2, FastForward.unitSplits(), "both layers split by units");
        double[] network = stack.output(x).get(NDArrayIndex.point(0)).transpose().dup('c').data().asDouble();
        for (int i = 0; i < split.length; i++) {
            assertEquals(oneThread[i], split[i], 1e-5, "against one thread, at " + i);
            assertEquals(network[i], split[i], 1e-5, "against net.output, at " + i);
        }
    }

    /** One sequence {@code [1, IN, steps]} as FastForward reads it: time-major, {@code [t * IN + i]}. */
    private static double[] timeMajor(INDArray x) {
        int steps = (int) x.size(2);
        double[] timeMajor = new double[steps * IN];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < IN; i++) {
                timeMajor[t * IN + i] = x.getDouble(0, i, t);
            }
        }
        return timeMajor;
    }

    /** A sequence of {@code steps} symbol indices below IN, {@code (5 t + shift) mod IN}. */
    private static int[] indices(int steps, int shift) {
        int[] indices = new int[steps];
        for (int t = 0; t < steps; t++) {
            indices[t] = (t * 5 + shift) % IN;
        }
        return indices;
    }

    /** The one-hot input {@code [1, IN, steps]} of {@code indices}. */
    private static INDArray oneHot(int[] indices, DataType type) {
        INDArray oneHot = Nd4j.zeros(type, 1, IN, indices.length);
        for (int t = 0; t < indices.length; t++) {
            oneHot.putScalar(new long[] {0, indices[t], t}, 1.0);
        }
        return oneHot;
    }

    /** Two BLAS threads, and every pass large enough to split. */
    private static void forceSplit() {
        BlasThreads.applyBlas(2);
        RowSplit.setMinimumWork(0);
        assertTrue(RowSplit.active(), "split active with two threads on MKL");
    }

    private static void check(String name, Supplier<Layer> layer, int width, boolean masked) {
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.randn(DataType.FLOAT, BATCH, IN, STEPS);
        INDArray y = Nd4j.randn(DataType.FLOAT, BATCH, OUT, STEPS);
        INDArray mask = null;
        if (masked) {
            mask = Nd4j.zeros(DataType.FLOAT, BATCH, STEPS);
            for (int b = 0; b < BATCH; b++) {
                mask.get(NDArrayIndex.point(b), NDArrayIndex.interval(0, 1 + b % STEPS)).assign(1);
            }
        }
        for (boolean fastOutput : new boolean[] {false, true}) {
            String what = name + (fastOutput ? " + FastRnnOutput" : " + RnnOutputLayer");
            MultiLayerNetwork net = network(layer.get(), width, null, fastOutput);

            BlasThreads.applyBlas(1);
            float[] oneThread = outputAndGradient(net, x, y, mask);
            forceSplit();
            long before = RowSplit.splitPasses();
            float[] split = outputAndGradient(net, x, y, mask);
            assertTrue(RowSplit.splitPasses() > before, what + ": the passes were split");
            assertEquals(oneThread.length, split.length);
            for (int i = 0; i < split.length; i++) {
                assertEquals(oneThread[i], split[i], 1e-5f * Math.max(1f, Math.abs(oneThread[i])), what + " at " + i);
            }
        }
    }

    /** The network's output followed by its gradient. */
    private static float[] outputAndGradient(MultiLayerNetwork net, INDArray x, INDArray y, INDArray mask) {
        INDArray[] both = FastLayerContract.outputAndGradient(net, x, y, mask);
        return Nd4j.concat(0, both[0].reshape(-1), both[1].reshape(-1)).toFloatVector();
    }

    private static MultiLayerNetwork network(Layer recurrent, int width, Integer tbptt) {
        return network(recurrent, width, tbptt, false);
    }

    private static MultiLayerNetwork network(Layer recurrent, int width, Integer tbptt, boolean fastOutput) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.FLOAT).updater(new Adam(1e-2)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(recurrent)
                .layer((fastOutput ? new FastRnnOutput.Builder(LossFunctions.LossFunction.MSE)
                        : new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)).activation(Activation.IDENTITY)
                        .nIn(width).nOut(OUT).dataFormat(RNNFormat.NCW).build());
        if (tbptt != null) {
            list.backpropType(BackpropType.TruncatedBPTT).tBPTTLength(tbptt);
        }
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static MultiLayerNetwork tbpttNetwork() {
        return network(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN, 3);
    }

    private static void assertClose(String what, INDArray expected, INDArray actual) {
        float[] e = expected.toFloatVector();
        float[] a = actual.toFloatVector();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-5f * Math.max(1f, Math.abs(e[i])), what + " at " + i);
        }
    }
}
