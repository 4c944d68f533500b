package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A sequence padded at the end of a batch (with a mask) must get from a bidirectional layer the
 * outputs it gets alone: the backward half starts at the sequence's own last real step, and
 * padding reaches nothing real. Checked with non-zero parameters everywhere (with zero biases and
 * zero padding an LSTM's state stays zero through the padding, which hides a backward half that
 * reads the padding first), with a recurrent layer below (so the padded steps it feeds up are not
 * zero either), for every cell, both layouts, the fast layer and the wrapper around DL4J's own
 * layers; plus gradients, equality of the two, and save / load.
 */
class PaddedBidirectionalBatchTest {

    static final int IN = 3;
    static final int HIDDEN = 5;
    static final int OUT = 2;
    static final int STEPS = 7;
    static final int[] LENGTHS = {STEPS, 4, 1, 5};
    static final int CHECKED_PER_PARAMETER = 6;

    enum Cell {
        LSTM, SIMPLE_RNN, GRU;

        BaseRecurrentLayer fast(int nIn, int nOut, RNNFormat format) {
            return switch (this) {
                case LSTM -> new FastLstm.Builder().nIn(nIn).nOut(nOut).dataFormat(format).build();
                case SIMPLE_RNN -> new FastSimpleRnn.Builder().nIn(nIn).nOut(nOut).dataFormat(format).build();
                case GRU -> new Gru.Builder().nIn(nIn).nOut(nOut).dataFormat(format).build();
            };
        }

        /** DL4J's own layer, or null (DL4J has no GRU). */
        BaseRecurrentLayer stock(int nIn, int nOut, RNNFormat format) {
            return switch (this) {
                case LSTM -> new LSTM.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).dataFormat(format).build();
                case SIMPLE_RNN -> new SimpleRnn.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH)
                        .dataFormat(format).build();
                case GRU -> null;
            };
        }
    }

    /** The bidirectional layers under test. */
    enum Wrapper {
        FAST, MASKED_AROUND_STOCK, MASKED_AROUND_FAST;

        Layer of(Cell cell, RNNFormat format) {
            return switch (this) {
                case FAST -> new FastBidirectional(cell.fast(HIDDEN, HIDDEN, format));
                case MASKED_AROUND_STOCK -> new MaskedBidirectional(cell.stock(HIDDEN, HIDDEN, format));
                case MASKED_AROUND_FAST -> new MaskedBidirectional(cell.fast(HIDDEN, HIDDEN, format));
            };
        }
    }

    @AfterEach
    void restoreFloatDefaults() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    static Stream<Arguments> everyCellWrapperAndLayout() {
        return Stream.of(Cell.values()).flatMap(cell -> Stream.of(Wrapper.values())
                .filter(w -> w != Wrapper.MASKED_AROUND_STOCK || cell.stock(1, 1, RNNFormat.NCW) != null)
                .flatMap(w -> Stream.of(RNNFormat.NCW, RNNFormat.NWC).map(f -> Arguments.of(cell, w, f))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyCellWrapperAndLayout")
    void aPaddedSequenceGetsTheOutputsItGetsAlone(Cell cell, Wrapper wrapper, RNNFormat format) {
        MultiLayerNetwork net = network(cell, wrapper.of(cell, format), format, DataType.FLOAT, 21);
        double worst = worstDifferenceFromAlone(net, format, DataType.FLOAT);
        assertTrue(worst < 1e-5, "a padded sequence's outputs differ from alone by " + worst);
    }

    /**
     * Pins the DL4J 1.0.0-M2.1 behaviour behind {@link MaskedBidirectional}: its wrapper reads the
     * padding first, and DL4J's LSTM carries that state into the real steps. Fails once DL4J
     * reverses within each sequence (then the stock path could use DL4J's wrapper again).
     */
    @Test
    void dl4jsOwnWrapperStillGivesAPaddedLstmSequenceOtherOutputs() {
        MultiLayerNetwork net = network(Cell.LSTM,
                new Bidirectional(Bidirectional.Mode.CONCAT, Cell.LSTM.stock(HIDDEN, HIDDEN, RNNFormat.NCW)),
                RNNFormat.NCW, DataType.FLOAT, 21);
        double worst = worstDifferenceFromAlone(net, RNNFormat.NCW, DataType.FLOAT);
        assertTrue(worst > 1e-3, "DL4J's Bidirectional now reads each padded sequence from its own end (" + worst + ")");
    }

    static Stream<Arguments> everyCellAndLayout() {
        return Stream.of(Cell.values()).flatMap(c -> Stream.of(RNNFormat.NCW, RNNFormat.NWC).map(f -> Arguments.of(c, f)));
    }

    /**
     * The fast layer against the wrapper (around DL4J's own layer where there is one, else around
     * the fast layer, which then reads a reordered copy forwards): same parameters, so the same
     * outputs on every step, padding included, score and gradients, input gradient included.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyCellAndLayout")
    void theFastLayerMatchesTheWrapperOnAPaddedBatch(Cell cell, RNNFormat format) {
        Wrapper reference = cell.stock(1, 1, format) != null ? Wrapper.MASKED_AROUND_STOCK : Wrapper.MASKED_AROUND_FAST;
        MultiLayerNetwork expected = network(cell, reference.of(cell, format), format, DataType.FLOAT, 31);
        MultiLayerNetwork fast = network(cell, Wrapper.FAST.of(cell, format), format, DataType.FLOAT, 31);
        assertEquals(expected.paramTable().keySet(), fast.paramTable().keySet());
        fast.setParams(expected.params());
        INDArray x = input(format, DataType.FLOAT, 5);
        INDArray y = sequences(OUT, format, DataType.FLOAT, 6);
        INDArray m = mask(DataType.FLOAT);
        double outputs = maxAbsDifference(expected.output(x, false, m, m), fast.output(x, false, m, m));
        assertTrue(outputs < 1e-5, "outputs differ by " + outputs);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {expected, fast}) {
            net.setLayerMaskArrays(m, m);
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }
        assertEquals(expected.score(), fast.score(), 1e-5);
        for (String key : expected.gradient().gradientForVariable().keySet()) {
            INDArray want = expected.gradient().getGradientFor(key);
            double difference = maxAbsDifference(want, fast.gradient().getGradientFor(key));
            double scale = Math.max(1e-3, want.amaxNumber().doubleValue());
            assertTrue(difference / scale < 1e-4, key + " gradient differs by " + difference);
        }
    }

    static Stream<Arguments> gradientCheckCases() {
        return Stream.of(Arguments.of(Cell.LSTM, Wrapper.FAST), Arguments.of(Cell.LSTM, Wrapper.MASKED_AROUND_STOCK));
    }

    /**
     * DL4J's numerical gradient check (double) through a layer below, the bidirectional one and a
     * masked head, on {@value #CHECKED_PER_PARAMETER} entries of each parameter array (all of them
     * took about 40 s). The other cells: FastLayerContract checks every entry of FastBidirectional
     * under the same padded mask for each cell, and {@link #theFastLayerMatchesTheWrapperOnAPaddedBatch}
     * ties the wrapper's gradients to the fast layer's.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("gradientCheckCases")
    void passesTheGradientCheckOnAPaddedBatch(Cell cell, Wrapper wrapper) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork net = network(cell, wrapper.of(cell, RNNFormat.NCW), RNNFormat.NCW, DataType.DOUBLE, 41);
        INDArray m = mask(DataType.DOUBLE);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(input(RNNFormat.NCW, DataType.DOUBLE, 7)).labels(sequences(OUT, RNNFormat.NCW, DataType.DOUBLE, 8))
                .inputMask(m).labelMask(m).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .subset(true).maxPerParam(CHECKED_PER_PARAMETER)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
        assertTrue(ok, "gradient check failed");
    }

    @Test
    void theWrapperSavesAndLoads(@TempDir Path tmp) throws Exception {
        MultiLayerNetwork net = network(Cell.LSTM, Wrapper.MASKED_AROUND_STOCK.of(Cell.LSTM, RNNFormat.NCW),
                RNNFormat.NCW, DataType.FLOAT, 51);
        File file = tmp.resolve("masked.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, false);
        assertTrue(restored.getLayer(1) instanceof MaskedBidirectionalLayer, restored.getLayer(1).getClass().getName());
        INDArray x = input(RNNFormat.NCW, DataType.FLOAT, 9);
        INDArray m = mask(DataType.FLOAT);
        assertEquals(0.0, maxAbsDifference(net.output(x, false, m, null), restored.output(x, false, m, null)), 0.0);
    }

    /**
     * A fast layer of {@code cell} (so the bidirectional layer's input is not zero on padded steps
     * and its input gradient is used), {@code bidirectional}, an MSE head; every parameter drawn
     * at random, biases included.
     */
    static MultiLayerNetwork network(Cell cell, Layer bidirectional, RNNFormat format, DataType type, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(type).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(cell.fast(IN, HIDDEN, format))
                .layer(bidirectional)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(2 * HIDDEN).nOut(OUT).dataFormat(format).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(seed);
        net.setParams(Nd4j.randn(type, 1, net.numParams()).muli(0.5));
        return net;
    }

    /** The largest difference, over every sequence's real steps, between its outputs in the padded batch and alone. */
    static double worstDifferenceFromAlone(MultiLayerNetwork net, RNNFormat format, DataType type) {
        INDArray x = input(format, type, 3);
        INDArray batchOut = net.output(x, false, mask(type), null);
        double worst = 0;
        for (int b = 0; b < LENGTHS.length; b++) {
            INDArray alone = x.get(steps(format, b, LENGTHS[b])).dup();
            INDArray aloneOut = net.output(alone, false, null, null);
            worst = Math.max(worst, maxAbsDifference(batchOut.get(steps(format, b, LENGTHS[b])), aloneOut));
        }
        return worst;
    }

    /** Sequence {@code b}'s first {@code length} steps, kept 3-d. */
    private static INDArrayIndex[] steps(RNNFormat format, int b, int length) {
        INDArrayIndex sequence = NDArrayIndex.interval(b, b + 1);
        INDArrayIndex time = NDArrayIndex.interval(0, length);
        return format == RNNFormat.NWC
                ? new INDArrayIndex[] {sequence, time, NDArrayIndex.all()}
                : new INDArrayIndex[] {sequence, NDArrayIndex.all(), time};
    }

    /** Random values on every step, padding included: what is on a padded step must not matter. */
    static INDArray input(RNNFormat format, DataType type, long seed) {
        return sequences(IN, format, type, seed);
    }

    static INDArray sequences(int features, RNNFormat format, DataType type, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray ncw = Nd4j.randn(type, LENGTHS.length, features, STEPS);
        return format == RNNFormat.NWC ? ncw.permute(0, 2, 1).dup('c') : ncw;
    }

    /** 1 on each sequence's first {@link #LENGTHS} steps: padding at the end, as the apps pad. */
    static INDArray mask(DataType type) {
        INDArray mask = Nd4j.zeros(type, LENGTHS.length, STEPS);
        for (int b = 0; b < LENGTHS.length; b++) {
            mask.get(NDArrayIndex.point(b), NDArrayIndex.interval(0, LENGTHS[b])).assign(1);
        }
        return mask;
    }

    static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
