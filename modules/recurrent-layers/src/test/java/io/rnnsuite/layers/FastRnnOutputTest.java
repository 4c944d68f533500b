package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link FastRnnOutput} against DL4J's {@link RnnOutputLayer} with the same parameters: outputs,
 * scores (whole and per sequence), every gradient and training steps agree to float rounding,
 * behind a fast layer (whose time-major output it reads in place), behind a stock layer and a
 * bidirectional one (which it copies), NCW and NWC, masked, softmax with cross-entropy and
 * identity with squared error, in float and double, with truncated BPTT; it keeps every setting,
 * survives saving and loading, and the single-step paths accept it.
 */
class FastRnnOutputTest {

    private static final int BATCH = 5;
    private static final int STEPS = 6;
    private static final int IN = 4;
    private static final int HIDDEN = 9;
    private static final int OUT = 7;

    @AfterEach
    void restoreFloatDefaults() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** The recurrent layer in front, by name. */
    private static Layer recurrent(String kind, RNNFormat format) {
        return switch (kind) {
            case "FastLstm" -> new FastLstm.Builder().nIn(IN).nOut(HIDDEN).dataFormat(format).build();
            case "Gru" -> new Gru.Builder().nIn(IN).nOut(HIDDEN).dataFormat(format).build();
            case "LSTM" -> new LSTM.Builder().nIn(IN).nOut(HIDDEN).activation(Activation.TANH).dataFormat(format).build();
            case "FastBidirectional" -> new FastBidirectional(
                    new FastSimpleRnn.Builder().nIn(IN).nOut(HIDDEN).dataFormat(format).build());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static int width(String kind) {
        return kind.equals("FastBidirectional") ? 2 * HIDDEN : HIDDEN;
    }

    private static MultiLayerNetwork network(Layer recurrent, RnnOutputLayer.Builder output, int width, RNNFormat format,
                                             DataType type, Integer tbptt) {
        return network(recurrent, output, width, OUT, format, type, tbptt);
    }

    private static MultiLayerNetwork network(Layer recurrent, RnnOutputLayer.Builder output, int width, int outputs,
                                             RNNFormat format, DataType type, Integer tbptt) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(type).updater(new Adam(1e-2)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(recurrent)
                .layer(output.nIn(width).nOut(outputs).dataFormat(format).build());
        if (tbptt != null) {
            list.backpropType(BackpropType.TruncatedBPTT).tBPTTLength(tbptt);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static RnnOutputLayer.Builder head(boolean fast, boolean softmax) {
        LossFunctions.LossFunction loss = softmax ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE;
        RnnOutputLayer.Builder builder = fast ? new FastRnnOutput.Builder(loss) : new RnnOutputLayer.Builder(loss);
        return builder.activation(softmax ? Activation.SOFTMAX : Activation.IDENTITY);
    }

    private static INDArray sequences(DataType type, RNNFormat format, int features, long seed, boolean oneHot) {
        Nd4j.getRandom().setSeed(seed);
        INDArray ncw;
        if (oneHot) {
            ncw = Nd4j.zeros(type, BATCH, features, STEPS);
            java.util.Random random = new java.util.Random(seed);
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < STEPS; t++) {
                    ncw.putScalar(new long[] {b, random.nextInt(features), t}, 1.0);
                }
            }
        } else {
            ncw = Nd4j.randn(type, BATCH, features, STEPS);
        }
        return format == RNNFormat.NWC ? ncw.permute(0, 2, 1).dup('c') : ncw;
    }

    /** Sequence lengths 6, 4, 1, 3, 5: trailing padding as the apps produce it. */
    private static INDArray mask(DataType type) {
        INDArray mask = Nd4j.zeros(type, BATCH, STEPS);
        int[] lengths = {STEPS, 4, 1, 3, 5};
        for (int b = 0; b < BATCH; b++) {
            mask.get(NDArrayIndex.point(b), NDArrayIndex.interval(0, lengths[b])).assign(1);
        }
        return mask;
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    private static void assertClose(String what, INDArray expected, INDArray actual, double tolerance) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what + ": shape");
        double difference = maxAbsDifference(expected, actual);
        assertTrue(difference <= tolerance, what + " differs by " + difference);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "FastLstm NCW MSE", "FastLstm NWC MSE", "FastLstm NCW softmax mask", "FastLstm NWC softmax mask",
        "Gru NCW softmax", "LSTM NCW softmax mask", "LSTM NWC MSE", "FastBidirectional NCW softmax mask",
        "FastLstm NCW MSE double", "FastLstm NWC softmax mask double"})
    void matchesDl4jsLayerOnOutputsScoresAndGradients(String variant) {
        String kind = variant.split(" ")[0];
        RNNFormat format = variant.contains("NWC") ? RNNFormat.NWC : RNNFormat.NCW;
        boolean softmax = variant.contains("softmax");
        DataType type = variant.contains("double") ? DataType.DOUBLE : DataType.FLOAT;
        if (type == DataType.DOUBLE) {
            Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        }
        double tolerance = type == DataType.DOUBLE ? 1e-10 : 1e-5;
        MultiLayerNetwork stock = network(recurrent(kind, format), head(false, softmax), width(kind), format, type, null);
        MultiLayerNetwork fast = network(recurrent(kind, format), head(true, softmax), width(kind), format, type, null);
        fast.setParams(stock.params());
        assertInstanceOf(FastRnnOutputLayer.class, fast.getLayer(1));

        INDArray x = sequences(type, format, IN, 1, false);
        INDArray y = sequences(type, format, OUT, 2, softmax);
        INDArray m = variant.contains("mask") ? mask(type) : null;
        assertClose(variant + ": output", stock.output(x, false, m, m), fast.output(x, false, m, m), tolerance);

        for (MultiLayerNetwork net : new MultiLayerNetwork[] {stock, fast}) {
            net.setLayerMaskArrays(m, m);
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }
        assertEquals(stock.score(), fast.score(), tolerance * Math.max(1, Math.abs(stock.score())), variant + ": score");
        assertClose(variant + ": gradient", stock.gradient().gradient(), fast.gradient().gradient(), tolerance);

        org.nd4j.linalg.dataset.DataSet data = new org.nd4j.linalg.dataset.DataSet(x, y, m, m);
        assertClose(variant + ": score per sequence", stock.scoreExamples(data, false), fast.scoreExamples(data, false),
                tolerance);

        // training steps (Adam) keep them together
        for (int i = 0; i < 3; i++) {
            stock.fit(data);
            fast.fit(data);
        }
        assertClose(variant + ": parameters after three updates", stock.params(), fast.params(), 10 * tolerance);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FastLstm NCW softmax mask", "FastLstm NWC softmax mask double"})
    void theSoftmaxSharedBetweenTheCoresMatchesDl4jsLayer(String variant) {
        org.junit.jupiter.api.Assumptions.assumeTrue(BlasLibrary.choose(), "the split runs on MKL only");
        BlasThreads.applyBlas(2);
        RowSplit.setMinimumWork(0);
        try {
            long before = RowSplit.splitPasses();
            matchesDl4jsLayerOnOutputsScoresAndGradients(variant);
            assertTrue(RowSplit.splitPasses() > before, variant + ": the passes were split");
        } finally {
            BlasThreads.applyBlas(1);
            RowSplit.setMinimumWork(RowSplit.MIN_WORK_PER_HALF);
        }
    }

    @Test
    void fastLayersHandTheirOutputOnAsATimeMajorViewAndAStockLayerDoesNot() {
        for (RNNFormat format : RNNFormat.values()) {
            INDArray x = sequences(DataType.FLOAT, format, IN, 3, false);
            MultiLayerNetwork fast = network(recurrent("FastLstm", format), head(true, false), HIDDEN, format, DataType.FLOAT, null);
            INDArray out = fast.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces());
            assertTrue(Layouts.isTimeMajor(out, format == RNNFormat.NWC), format + ": time-major view");
            MultiLayerNetwork both = network(recurrent("FastBidirectional", format), head(true, false), 2 * HIDDEN, format,
                    DataType.FLOAT, null);
            INDArray bothOut = both.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces());
            assertTrue(Layouts.isTimeMajor(bothOut, format == RNNFormat.NWC), format + ": bidirectional view");
            MultiLayerNetwork stock = network(recurrent("LSTM", format), head(true, false), HIDDEN, format, DataType.FLOAT, null);
            INDArray stockOut = stock.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces());
            assertFalse(Layouts.isTimeMajor(stockOut, format == RNNFormat.NWC), format + ": stock layout");
            // what the network's caller gets back has DL4J's standard layout
            INDArray netOut = fast.output(x);
            assertEquals('c', netOut.ordering());
            assertTrue(netOut.stride(2) == 1 && netOut.stride(1) == netOut.size(2)
                    && netOut.stride(0) == netOut.size(1) * netOut.size(2), format + ": standard strides");
        }
    }

    /** Saturated softmax outputs: DL4J clips the probabilities to [1e-10, 1 - 1e-10] for the score, and so must this. */
    /**
     * 37 classes: the vectorised passes (the softmax output, the one-hot loss) cover two full
     * vectors and a tail of each row. Soft
     * labels (not one-hot) take the general pass. The score alone ({@code score(DataSet)}, no
     * backpropagation before it) and the score DL4J asks for right after backpropagation (kept
     * from that pass) both equal DL4J's.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NCW one-hot", "NWC one-hot mask", "NCW soft mask", "NWC soft"})
    void aWideSoftmaxWithOneHotOrSoftLabelsMatchesDl4jsLayer(String variant) {
        int classes = 37;
        RNNFormat format = variant.startsWith("NWC") ? RNNFormat.NWC : RNNFormat.NCW;
        MultiLayerNetwork stock = network(recurrent("FastLstm", format), head(false, true), HIDDEN, classes, format,
                DataType.FLOAT, null);
        MultiLayerNetwork fast = network(recurrent("FastLstm", format), head(true, true), HIDDEN, classes, format,
                DataType.FLOAT, null);
        fast.setParams(stock.params());
        INDArray x = sequences(DataType.FLOAT, format, IN, 5, false);
        INDArray y = sequences(DataType.FLOAT, format, classes, 6, true);
        if (variant.contains("soft")) {
            // each step's label spread over two classes
            y = y.mul(0.75).add(sequences(DataType.FLOAT, format, classes, 7, true).mul(0.25));
        }
        INDArray m = variant.contains("mask") ? mask(DataType.FLOAT) : null;
        org.nd4j.linalg.dataset.DataSet data = new org.nd4j.linalg.dataset.DataSet(x, y, m, m);
        assertClose(variant + ": softmax output", stock.output(x, false, m, m), fast.output(x, false, m, m), 1e-6);
        assertEquals(stock.score(data), fast.score(data), 1e-5 * Math.max(1, stock.score(data)), variant + ": score alone");
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {stock, fast}) {
            net.setLayerMaskArrays(m, m);
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }
        assertEquals(stock.score(), fast.score(), 1e-5 * Math.max(1, Math.abs(stock.score())), variant + ": score");
        assertClose(variant + ": gradient", stock.gradient().gradient(), fast.gradient().gradient(), 1e-5);
        for (int i = 0; i < 3; i++) {
            stock.fit(data);
            fast.fit(data);
        }
        assertClose(variant + ": parameters after three updates", stock.params(), fast.params(), 1e-4);
        // the score kept from a backpropagation is not reused once the parameters have moved
        assertEquals(stock.score(data), fast.score(data), 1e-5 * Math.max(1, stock.score(data)), variant + ": score after");
    }

    @Test
    void aSaturatedSoftmaxScoresAsDl4jsClippedOne() {
        MultiLayerNetwork stock = network(recurrent("FastLstm", RNNFormat.NCW), head(false, true), HIDDEN, RNNFormat.NCW,
                DataType.FLOAT, null);
        MultiLayerNetwork fast = network(recurrent("FastLstm", RNNFormat.NCW), head(true, true), HIDDEN, RNNFormat.NCW,
                DataType.FLOAT, null);
        stock.getLayer(1).getParam("W").muli(400);
        fast.setParams(stock.params());
        INDArray x = sequences(DataType.FLOAT, RNNFormat.NCW, IN, 9, false);
        INDArray y = sequences(DataType.FLOAT, RNNFormat.NCW, OUT, 10, true);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {stock, fast}) {
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }
        assertTrue(stock.score() > 10, "saturated: some labelled probabilities below the clip, score " + stock.score());
        assertEquals(stock.score(), fast.score(), 1e-4 * stock.score(), "clipped score");
        assertClose("gradient", stock.gradient().gradient(), fast.gradient().gradient(), 1e-3);
    }

    @Test
    void truncatedBpttTrainsLikeDl4jsLayer() {
        MultiLayerNetwork stock = network(recurrent("FastLstm", RNNFormat.NCW), head(false, true), HIDDEN, RNNFormat.NCW,
                DataType.FLOAT, 2);
        MultiLayerNetwork fast = network(recurrent("FastLstm", RNNFormat.NCW), head(true, true), HIDDEN, RNNFormat.NCW,
                DataType.FLOAT, 2);
        fast.setParams(stock.params());
        INDArray x = sequences(DataType.FLOAT, RNNFormat.NCW, IN, 4, false);
        INDArray y = sequences(DataType.FLOAT, RNNFormat.NCW, OUT, 5, true);
        for (int i = 0; i < 2; i++) {
            stock.fit(x, y);
            fast.fit(x, y);
        }
        assertClose("parameters after truncated BPTT", stock.params(), fast.params(), 1e-4);
    }

    @Test
    void withDropoutOnItsInputItComputesAsDl4jsLayerDoes() {
        MultiLayerNetwork stock = network(recurrent("FastLstm", RNNFormat.NCW), head(false, true).dropOut(0.5), HIDDEN,
                RNNFormat.NCW, DataType.FLOAT, null);
        MultiLayerNetwork fast = network(recurrent("FastLstm", RNNFormat.NCW), head(true, true).dropOut(0.5), HIDDEN, RNNFormat.NCW,
                DataType.FLOAT, null);
        fast.setParams(stock.params());
        INDArray x = sequences(DataType.FLOAT, RNNFormat.NCW, IN, 6, false);
        INDArray y = sequences(DataType.FLOAT, RNNFormat.NCW, OUT, 7, true);
        assertClose("output without dropout (inference)", stock.output(x), fast.output(x), 1e-5);
        // same seed, same dropout masks: the same training step
        Nd4j.getRandom().setSeed(11);
        stock.fit(x, y);
        Nd4j.getRandom().setSeed(11);
        fast.fit(x, y);
        assertClose("parameters after a step with dropout", stock.params(), fast.params(), 1e-4);
    }

    /** Every setting RnnOutputLayer.Builder has, away from its default. */
    private static RnnOutputLayer.Builder everySetting(RnnOutputLayer.Builder builder) {
        builder.nIn(3).nOut(5).name("head").activation(Activation.IDENTITY)
                .lossFunction(LossFunctions.LossFunction.MSE).hasBias(false)
                .weightInit(WeightInit.UNIFORM).biasInit(0.25).gainInit(0.5).dropOut(0.8).weightNoise(new DropConnect(0.9))
                .l1(1e-4).l2(1e-3).l1Bias(1e-5).l2Bias(1e-6)
                .updater(new Adam(0.01)).biasUpdater(new Sgd(0.1))
                .gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(2.0)
                .constrainWeights(new MaxNormConstraint(2.0, 1)).constrainBias(new MaxNormConstraint(3.0, 1));
        return builder.dataFormat(RNNFormat.NWC);
    }

    @Test
    void theBuilderConfiguresEverySettingAsDl4jsBuilderDoes() {
        RnnOutputLayer stock = everySetting(new RnnOutputLayer.Builder()).build();
        RnnOutputLayer fast = everySetting(new FastRnnOutput.Builder()).build();
        assertInstanceOf(FastRnnOutput.class, fast);
        SameSettings.assertSameJsonExceptClass(stock, fast);
        SameSettings.assertSameJsonExceptClass(stock, FastRnnOutput.of(stock));
        assertFalse(fast.hasBias());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FastLstm", "LSTM", "FastBidirectional"})
    void aNetworkConfiguresItAsItConfiguresDl4jsLayer(String kind) {
        // no data format given: the network fills it in (after a bidirectional layer DL4J picks NWC)
        for (boolean withInputType : new boolean[] {false, true}) {
            RnnOutputLayer[] built = new RnnOutputLayer[2];
            for (int i = 0; i < 2; i++) {
                NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1).list()
                        .layer(recurrent(kind, RNNFormat.NCW))
                        .layer((i == 1 ? new FastRnnOutput.Builder(LossFunctions.LossFunction.MSE)
                                : new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE))
                                .activation(Activation.IDENTITY).nIn(width(kind)).nOut(OUT).build());
                if (withInputType) {
                    list.setInputType(org.deeplearning4j.nn.conf.inputs.InputType.recurrent(IN));
                }
                built[i] = (RnnOutputLayer) list.build().getConf(1).getLayer();
            }
            SameSettings.assertSameJsonExceptClass(built[0], built[1]);
        }
    }

    @Test
    void aSavedModelLoadsWithItsClassAndGivesTheSameOutputs() throws IOException {
        MultiLayerNetwork net = network(recurrent("FastLstm", RNNFormat.NCW), head(true, true), HIDDEN, RNNFormat.NCW,
                DataType.FLOAT, null);
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertInstanceOf(FastRnnOutput.class, fromJson.getConf(1).getLayer());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(FastRnnOutputLayer.class, loaded.getLayer(1));
        INDArray x = sequences(DataType.FLOAT, RNNFormat.NCW, IN, 8, false);
        assertClose("loaded model's output", net.output(x), loaded.output(x), 0);
    }

    @Test
    void theSingleStepPathsTakeItForTheRnnOutputLayerItIs() {
        int vocabulary = 6;
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).list()
                .layer(new FastLstm.Builder().nIn(vocabulary).nOut(HIDDEN).build())
                .layer(new FastLstm.Builder().nIn(HIDDEN).nOut(HIDDEN).build())
                .layer(new FastRnnOutput.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(HIDDEN).nOut(vocabulary).build())
                .build());
        net.init();
        FastStepper stepper = FastStepper.of(net).orElseThrow(() -> new AssertionError(FastStepper.unsupportedReason(net)));
        FastLayerContract.assertStepperEqualsFullPass(net, stepper, FastLayerContract.symbols(9, vocabulary, 1), vocabulary,
                false, "stepper");
        assertTrue(FastForward.of(net).isPresent(), () -> "FastForward: " + FastForward.unsupportedReason(net));
    }
}
