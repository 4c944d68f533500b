package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What every fast recurrent layer must do, checked the same way for each cell: agree with DL4J's
 * stock layer (where one exists) on outputs and gradients, pass DL4J's numerical gradient check
 * in double precision with and without masks, step through {@code rnnTimeStep} exactly as the
 * full pass, work inside {@code Bidirectional}, in NWC layout, with truncated BPTT, and survive
 * save / load.
 */
abstract class FastLayerContract {

    static final int IN = 3;
    static final int HIDDEN = 5;
    static final int OUT = 2;
    static final int BATCH = 4;
    static final int STEPS = 6;

    /** The stock DL4J layer this fast one replaces, or null when there is none (GRU). */
    abstract BaseRecurrentLayer stockLayer(int nIn, int nOut, RNNFormat format);

    abstract BaseRecurrentLayer fastLayer(int nIn, int nOut, RNNFormat format);

    @org.junit.jupiter.api.AfterEach
    void restoreFloatDefaults() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    static MultiLayerNetwork network(Layer recurrent, DataType type, RNNFormat format, int outIn) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(type).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(outIn).nOut(OUT).dataFormat(format).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static INDArray input(DataType type, RNNFormat format, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray ncw = Nd4j.randn(type, BATCH, IN, STEPS);
        return format == RNNFormat.NWC ? ncw.permute(0, 2, 1).dup('c') : ncw;
    }

    static INDArray labels(DataType type, RNNFormat format) {
        Nd4j.getRandom().setSeed(99);
        INDArray ncw = Nd4j.randn(type, BATCH, OUT, STEPS);
        return format == RNNFormat.NWC ? ncw.permute(0, 2, 1).dup('c') : ncw;
    }

    /** Sequence lengths 6, 4, 1, 3: trailing padding as the apps produce it. */
    static INDArray mask(DataType type) {
        INDArray mask = Nd4j.zeros(type, BATCH, STEPS);
        int[] lengths = {STEPS, 4, 1, 3};
        for (int b = 0; b < BATCH; b++) {
            mask.get(NDArrayIndex.point(b), NDArrayIndex.interval(0, lengths[b])).assign(1);
        }
        return mask;
    }

    static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NCW", "NWC", "NCW+mask", "NWC+mask"})
    void matchesTheStockLayerOnOutputsAndGradients(String variant) {
        RNNFormat format = variant.startsWith("NWC") ? RNNFormat.NWC : RNNFormat.NCW;
        compareWithStock(format, variant.endsWith("mask"), HIDDEN);
    }

    /** 37 units: two full 16-lane vectors and a tail, so the vectorised kernels are compared too. */
    @Test
    void matchesTheStockLayerAtAWidthTheVectorKernelsCover() {
        assertTrue(VectorSupport.vectorised(), "tests must run with --add-modules jdk.incubator.vector");
        compareWithStock(RNNFormat.NCW, true, 37);
    }

    /**
     * On MKL a pass of enough steps multiplies its recurrent weights from a packed copy
     * ({@link RepeatedProduct}); with the threshold at one product the short test passes take
     * that path, and give the plain products' outputs and gradients.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NCW+mask", "NWC"})
    void thePackedRecurrentProductGivesThePlainProductsOutputsAndGradients(String variant) {
        org.junit.jupiter.api.Assumptions.assumeTrue(BlasLibrary.choose(), "packed products are MKL's");
        RNNFormat format = variant.startsWith("NWC") ? RNNFormat.NWC : RNNFormat.NCW;
        int hidden = 37;
        MultiLayerNetwork net = network(fastLayer(IN, hidden, format), DataType.FLOAT, format, hidden);
        INDArray x = input(DataType.FLOAT, format, 1);
        INDArray y = labels(DataType.FLOAT, format);
        INDArray m = variant.endsWith("mask") ? mask(DataType.FLOAT) : null;
        INDArray[] plain = outputAndGradient(net, x, y, m);
        long before = RepeatedProduct.packings();
        INDArray[] packed;
        RepeatedProduct.setMinimumProducts(1);
        try {
            packed = outputAndGradient(net, x, y, m);
        } finally {
            RepeatedProduct.setMinimumProducts(RepeatedProduct.MIN_PRODUCTS);
        }
        assertTrue(RepeatedProduct.packings() > before, "the recurrent products were packed");
        assertTrue(maxAbsDifference(plain[0], packed[0]) < 1e-5, "outputs differ by " + maxAbsDifference(plain[0], packed[0]));
        double scale = Math.max(1e-3, plain[1].amaxNumber().doubleValue());
        assertTrue(maxAbsDifference(plain[1], packed[1]) / scale < 1e-4,
                "gradients differ by " + maxAbsDifference(plain[1], packed[1]));
    }


    private void compareWithStock(RNNFormat format, boolean masked, int hidden) {
        BaseRecurrentLayer stockConf = stockLayer(IN, hidden, format);
        org.junit.jupiter.api.Assumptions.assumeTrue(stockConf != null, "no stock layer to compare with");
        MultiLayerNetwork stock = network(stockConf, DataType.FLOAT, format, hidden);
        MultiLayerNetwork fast = network(fastLayer(IN, hidden, format), DataType.FLOAT, format, hidden);
        fast.setParams(stock.params());

        INDArray x = input(DataType.FLOAT, format, 1);
        INDArray y = labels(DataType.FLOAT, format);
        INDArray m = masked ? mask(DataType.FLOAT) : null;
        INDArray stockOut = stock.output(x, false, m, m);
        INDArray fastOut = fast.output(x, false, m, m);
        assertTrue(maxAbsDifference(stockOut, fastOut) < 1e-5, "outputs differ by " + maxAbsDifference(stockOut, fastOut));

        stock.setLayerMaskArrays(m, m);
        fast.setLayerMaskArrays(m, m);
        stock.setInput(x);
        stock.setLabels(y);
        fast.setInput(x);
        fast.setLabels(y);
        stock.computeGradientAndScore();
        fast.computeGradientAndScore();
        assertEquals(stock.score(), fast.score(), 1e-5);
        Gradient stockGradient = stock.gradient();
        Gradient fastGradient = fast.gradient();
        for (String key : stockGradient.gradientForVariable().keySet()) {
            INDArray expected = stockGradient.getGradientFor(key);
            INDArray actual = fastGradient.getGradientFor(key);
            double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
            assertTrue(maxAbsDifference(expected, actual) / scale < 1e-4,
                    key + " gradient differs by " + maxAbsDifference(expected, actual));
        }
    }

    @ParameterizedTest(name = "mask={0}")
    @ValueSource(booleans = {false, true})
    void passesTheNumericalGradientCheckInDoublePrecision(boolean masked) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork net = network(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.DOUBLE, RNNFormat.NCW, HIDDEN);
        INDArray m = masked ? mask(DataType.DOUBLE) : null;
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(input(DataType.DOUBLE, RNNFormat.NCW, 2)).labels(labels(DataType.DOUBLE, RNNFormat.NCW))
                .inputMask(m).labelMask(m).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
        assertTrue(ok, "gradient check failed");
    }

    /**
     * Two layers of the cell: the upper one hands its input gradient down as a time-major view
     * (as its output goes up), which the lower one reads; DL4J's numerical check in double.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NCW", "NWC+mask"})
    void aStackOfTwoPassesTheNumericalGradientCheck(String variant) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        RNNFormat format = variant.startsWith("NWC") ? RNNFormat.NWC : RNNFormat.NCW;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(fastLayer(IN, HIDDEN, format))
                .layer(fastLayer(HIDDEN, HIDDEN, format))
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(HIDDEN).nOut(OUT).dataFormat(format).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = input(DataType.DOUBLE, format, 3);
        INDArray m = variant.endsWith("mask") ? mask(DataType.DOUBLE) : null;
        net.setLayerMaskArrays(m, m);
        net.setInput(x);
        net.setLabels(labels(DataType.DOUBLE, format));
        net.computeGradientAndScore();
        INDArray upperInputGradient = net.getLayer(1).backpropGradient(
                Nd4j.ones(DataType.DOUBLE, x.shape()[0], format == RNNFormat.NWC ? STEPS : HIDDEN, format == RNNFormat.NWC ? HIDDEN : STEPS),
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()).getSecond();
        assertTrue(Layouts.isTimeMajor(upperInputGradient, format == RNNFormat.NWC),
                "the upper layer's input gradient is a time-major view");
        net.clearLayerMaskArrays();
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(x).labels(labels(DataType.DOUBLE, format)).inputMask(m).labelMask(m)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
        assertTrue(ok, "gradient check failed");
    }

    /** Sequence lengths 6, 4, 1, 3 padded at the start: padding that comes before real steps. */
    static INDArray leadingPaddingMask(DataType type) {
        INDArray mask = Nd4j.zeros(type, BATCH, STEPS);
        int[] lengths = {STEPS, 4, 1, 3};
        for (int b = 0; b < BATCH; b++) {
            mask.get(NDArrayIndex.point(b), NDArrayIndex.interval(STEPS - lengths[b], STEPS)).assign(1);
        }
        return mask;
    }

    /**
     * {@code LastTimeStep} hands the mask to the layer itself (in a plain MultiLayerNetwork DL4J's
     * stock LSTM never sees it), and padding before the real steps must reset the state, so this
     * exercises each cell's own masked maths (trailing padding alone would not: nothing reads it).
     */
    @Test
    void passesTheGradientCheckUnderLastTimeStepWithAMask() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep(fastLayer(IN, HIDDEN, RNNFormat.NCW)))
                .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nIn(HIDDEN).nOut(OUT).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(11);
        INDArray labels = Nd4j.randn(DataType.DOUBLE, BATCH, OUT);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(input(DataType.DOUBLE, RNNFormat.NCW, 12)).labels(labels)
                .inputMask(leadingPaddingMask(DataType.DOUBLE)).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
        assertTrue(ok, "gradient check failed");
    }

    @Test
    void passesTheGradientCheckInsideBidirectionalWithAMask() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        assertMaskedGradientCheck(new Bidirectional(Bidirectional.Mode.CONCAT, fastLayer(IN, HIDDEN, RNNFormat.NCW)), 3);
    }

    /** DL4J's gradient check (double) of {@code bidirectional} under a masked MSE head. */
    private static void assertMaskedGradientCheck(Layer bidirectional, long inputSeed) {
        MultiLayerNetwork net = network(bidirectional, DataType.DOUBLE, RNNFormat.NCW, 2 * HIDDEN);
        INDArray m = mask(DataType.DOUBLE);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(input(DataType.DOUBLE, RNNFormat.NCW, inputSeed)).labels(labels(DataType.DOUBLE, RNNFormat.NCW))
                .inputMask(m).labelMask(m).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
        assertTrue(ok, "gradient check failed");
    }

    @Test
    void matchesTheStockLayerInsideBidirectionalWithAMask() {
        BaseRecurrentLayer stockConf = stockLayer(IN, HIDDEN, RNNFormat.NCW);
        org.junit.jupiter.api.Assumptions.assumeTrue(stockConf != null, "no stock layer to compare with");
        MultiLayerNetwork stock = network(new Bidirectional(Bidirectional.Mode.CONCAT, stockConf), DataType.FLOAT,
                RNNFormat.NCW, 2 * HIDDEN);
        MultiLayerNetwork fast = network(new Bidirectional(Bidirectional.Mode.CONCAT, fastLayer(IN, HIDDEN, RNNFormat.NCW)),
                DataType.FLOAT, RNNFormat.NCW, 2 * HIDDEN);
        fast.setParams(stock.params());
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 4);
        INDArray m = mask(DataType.FLOAT);
        double difference = maxAbsDifference(stock.output(x, false, m, m), fast.output(x, false, m, m));
        assertTrue(difference < 1e-5, "outputs differ by " + difference);
    }

    /**
     * FastBidirectional (the backward layer reads the sequence in reverse by itself) against a
     * wrapper around the same fast layer: same parameters, outputs and gradients (input and
     * input-gradient too, through a second layer), in both layouts. Without a mask the wrapper is
     * DL4J's Bidirectional; with one (trailing padding) it is {@link MaskedBidirectional}, since
     * DL4J's reverses the padded axis and so starts its backward half in the padding.
     */
    @ParameterizedTest
    @ValueSource(strings = {"NCW", "NWC", "NCW+mask", "NWC+mask"})
    void fastBidirectionalMatchesTheWrapper(String variant) {
        RNNFormat format = variant.startsWith("NWC") ? RNNFormat.NWC : RNNFormat.NCW;
        boolean masked = variant.endsWith("mask");
        Layer reference = masked ? new MaskedBidirectional(fastLayer(IN, HIDDEN, format))
                : new Bidirectional(Bidirectional.Mode.CONCAT, fastLayer(IN, HIDDEN, format));
        MultiLayerNetwork wrapped = bidirectionalNetwork(reference, format);
        MultiLayerNetwork fast = bidirectionalNetwork(new FastBidirectional(fastLayer(IN, HIDDEN, format)), format);
        assertTrue(fast.getLayer(1) instanceof FastBidirectionalLayer, fast.getLayer(1).getClass().getName());
        assertEquals(wrapped.paramTable().keySet(), fast.paramTable().keySet());
        fast.setParams(wrapped.params());

        INDArray x = input(DataType.FLOAT, format, 6);
        INDArray y = labels(DataType.FLOAT, format);
        INDArray m = masked ? mask(DataType.FLOAT) : null;
        double outputs = maxAbsDifference(wrapped.output(x, false, m, m), fast.output(x, false, m, m));
        assertTrue(outputs < 1e-5, "outputs differ by " + outputs);
        for (MultiLayerNetwork net : List.of(wrapped, fast)) {
            net.setLayerMaskArrays(m, m);
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
        }
        assertEquals(wrapped.score(), fast.score(), 1e-5);
        for (String key : wrapped.gradient().gradientForVariable().keySet()) {
            INDArray expected = wrapped.gradient().getGradientFor(key);
            double difference = maxAbsDifference(expected, fast.gradient().getGradientFor(key));
            double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
            assertTrue(difference / scale < 1e-4, key + " gradient differs by " + difference);
        }
    }

    @Test
    void passesTheGradientCheckInFastBidirectionalWithAMask() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        assertMaskedGradientCheck(new FastBidirectional(fastLayer(IN, HIDDEN, RNNFormat.NCW)), 7);
    }

    /** Symbols enough for the one-hot shortcut ({@link OneHotRows#MIN_INPUTS}). */
    static final int SYMBOLS = 12;

    /**
     * A one-hot {@code [BATCH, SYMBOLS, STEPS]} batch whose row 2 reads nothing after its first
     * step (all-zero vectors, as padding gives; {@link #mask} ends that row there too).
     */
    static INDArray oneHotBatch(DataType type, long seed) {
        java.util.Random random = new java.util.Random(seed);
        INDArray x = Nd4j.zeros(type, BATCH, SYMBOLS, STEPS);
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < STEPS; t++) {
                if (b != 2 || t == 0) {
                    x.putScalar(new long[] {b, random.nextInt(SYMBOLS), t}, 1.0);
                }
            }
        }
        return x;
    }

    /** The output and the flat gradient of {@code net} on {@code x} (masks {@code m} or none), copied; masks cleared after. */
    static INDArray[] outputAndGradient(MultiLayerNetwork net, INDArray x, INDArray y, INDArray m) {
        INDArray out = net.output(x, false, m, m).dup();
        net.setLayerMaskArrays(m, m);
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        INDArray gradient = net.gradient().gradient().dup();
        net.clearLayerMaskArrays();
        return new INDArray[] {out, gradient};
    }

    /**
     * One-hot input takes the gather-and-sum shortcut ({@link OneHotRows}) instead of the input
     * products, and gives the products' results: the same output bits, gradients equal to float
     * rounding (the sums run in another order), alone and as both halves of a FastBidirectional.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "plain+mask", "bidirectional+mask"})
    void oneHotInputTakesTheShortcutAndGivesTheProductsResults(String variant) {
        boolean bidirectional = variant.startsWith("bidirectional");
        Layer layer = bidirectional ? new FastBidirectional(fastLayer(SYMBOLS, HIDDEN, RNNFormat.NCW))
                : fastLayer(SYMBOLS, HIDDEN, RNNFormat.NCW);
        MultiLayerNetwork net = network(layer, DataType.FLOAT, RNNFormat.NCW, bidirectional ? 2 * HIDDEN : HIDDEN);
        INDArray x = oneHotBatch(DataType.FLOAT, 3);
        INDArray y = labels(DataType.FLOAT, RNNFormat.NCW);
        INDArray m = variant.endsWith("mask") ? mask(DataType.FLOAT) : null;

        long before = OneHotRows.projections();
        INDArray[] shortcut = outputAndGradient(net, x, y, m);
        assertTrue(OneHotRows.projections() >= before + (bidirectional ? 4 : 2),
                "one-hot input did not take the shortcut: " + (OneHotRows.projections() - before) + " passes");
        INDArray[] products;
        OneHotRows.setEnabled(false);
        try {
            long off = OneHotRows.projections();
            products = outputAndGradient(net, x, y, m);
            assertEquals(off, OneHotRows.projections(), "the switch did not switch the shortcut off");
        } finally {
            OneHotRows.setEnabled(true);
        }
        assertEquals(0.0, maxAbsDifference(shortcut[0], products[0]), "outputs");
        double scale = Math.max(1e-3, products[1].amaxNumber().doubleValue());
        double difference = maxAbsDifference(shortcut[1], products[1]);
        assertTrue(difference / scale < 1e-5, "gradients differ by " + difference);
    }

    @Test
    void passesTheGradientCheckOnOneHotInputWithAMask() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork net = network(fastLayer(SYMBOLS, HIDDEN, RNNFormat.NCW), DataType.DOUBLE, RNNFormat.NCW, HIDDEN);
        INDArray m = mask(DataType.DOUBLE);
        long before = OneHotRows.projections();
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(oneHotBatch(DataType.DOUBLE, 5)).labels(labels(DataType.DOUBLE, RNNFormat.NCW))
                .inputMask(m).labelMask(m).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
        assertTrue(ok, "gradient check failed");
        assertTrue(OneHotRows.projections() > before, "the check did not run through the shortcut");
    }

    @Test
    void fastBidirectionalSavesAndLoads(@TempDir Path tmp) throws Exception {
        MultiLayerNetwork net = network(new FastBidirectional(fastLayer(IN, HIDDEN, RNNFormat.NCW)), DataType.FLOAT,
                RNNFormat.NCW, 2 * HIDDEN);
        File file = tmp.resolve("bi.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, false);
        assertTrue(restored.getLayer(0) instanceof FastBidirectionalLayer, restored.getLayer(0).getClass().getName());
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 8);
        assertEquals(0.0, maxAbsDifference(net.output(x), restored.output(x)), 0.0);
    }

    /** A fast layer under the bidirectional one, so that the bidirectional layer's input gradient is checked too. */
    private MultiLayerNetwork bidirectionalNetwork(Layer bidirectional, RNNFormat format) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.FLOAT).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(fastLayer(IN, IN, format))
                .layer(bidirectional)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(2 * HIDDEN).nOut(OUT).dataFormat(format).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void steppingThroughRnnTimeStepEqualsTheFullPass() {
        MultiLayerNetwork net = network(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.FLOAT, RNNFormat.NCW, HIDDEN);
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 5);
        INDArray full = net.output(x);
        net.rnnClearPreviousState();
        for (int t = 0; t < STEPS; t++) {
            INDArray step = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1)));
            INDArray expected = full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1));
            assertTrue(maxAbsDifference(expected, step) < 1e-5, "step " + t + " differs by " + maxAbsDifference(expected, step));
        }
        net.rnnClearPreviousState();
        INDArray firstHalf = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 3)));
        INDArray secondHalf = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(3, STEPS)));
        assertTrue(maxAbsDifference(Nd4j.concat(2, firstHalf, secondHalf), full) < 1e-5, "two chunks differ from the full pass");
    }

    /** Two layers of this cell and a softmax over {@code vocabulary} symbols: a character model's shape. */
    MultiLayerNetwork stackedSoftmaxNetwork(int vocabulary, int hidden) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(2024).dataType(DataType.FLOAT).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(fastLayer(vocabulary, hidden, RNNFormat.NCW))
                .layer(fastLayer(hidden, hidden, RNNFormat.NCW))
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(hidden).nOut(vocabulary).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // non-zero biases everywhere, so a missing bias term cannot pass
        net.params().addi(Nd4j.rand(DataType.FLOAT, net.params().shape()).subi(0.5).muli(0.2));
        return net;
    }

    static int[] symbols(int count, int vocabulary, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int[] symbols = new int[count];
        for (int i = 0; i < count; i++) {
            symbols[i] = random.nextInt(vocabulary);
        }
        return symbols;
    }

    static INDArray oneHot(int[] symbols, int vocabulary) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, vocabulary, symbols.length);
        for (int t = 0; t < symbols.length; t++) {
            x.putScalar(new long[] {0, symbols[t], t}, 1.0);
        }
        return x;
    }

    /** Step t of a {@code [1, vocabulary, T]} output. */
    static double[] column(INDArray output, int t) {
        return output.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t)).toDoubleVector();
    }

    static double maxAbsDifference(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    /** {@code net.rnnTimeStep} one symbol at a time over {@code symbols}, against the full pass, from a cleared state. */
    static void assertStepsEqualFullPass(MultiLayerNetwork net, int[] symbols, int vocabulary, String what) {
        INDArray full = net.output(oneHot(symbols, vocabulary));
        net.rnnClearPreviousState();
        for (int t = 0; t < symbols.length; t++) {
            INDArray step = net.rnnTimeStep(oneHot(new int[] {symbols[t]}, vocabulary));
            double difference = maxAbsDifference(column(full, t), column(step, 0));
            assertTrue(difference < 1e-5, what + ": step " + t + " differs from the full pass by " + difference);
        }
    }

    /** The stepper over {@code symbols} (as indices, or as one-hot vectors), against the full pass. */
    static void assertStepperEqualsFullPass(MultiLayerNetwork net, FastStepper stepper, int[] symbols, int vocabulary,
                                            boolean asVectors, String what) {
        INDArray full = net.output(oneHot(symbols, vocabulary));
        stepper.reset();
        double[] out = new double[vocabulary];
        for (int t = 0; t < symbols.length; t++) {
            if (asVectors) {
                double[] in = new double[vocabulary];
                in[symbols[t]] = 1;
                stepper.step(in, out);
            } else {
                stepper.stepSymbol(symbols[t], out);
            }
            double difference = maxAbsDifference(column(full, t), out);
            assertTrue(difference < 1e-5, what + ": step " + t + " differs from the full pass by " + difference);
        }
        assertEquals(1.0, java.util.Arrays.stream(out).sum(), 1e-5, what + ": softmax sums to one");
    }

    @Test
    void stackedLayersStepLikeTheFullPassAgainAfterClearingAndAfterSaveAndLoad() throws IOException {
        int vocabulary = 9;
        // 37 units: full vectors and a tail of the vectorised kernels
        MultiLayerNetwork net = stackedSoftmaxNetwork(vocabulary, 37);
        int[] text = symbols(25, vocabulary, 3);
        assertStepsEqualFullPass(net, text, vocabulary, "first run");
        // the stored state is cleared, not carried into the next run
        assertStepsEqualFullPass(net, symbols(12, vocabulary, 4), vocabulary, "after rnnClearPreviousState");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), false);
        assertStepsEqualFullPass(loaded, text, vocabulary, "loaded");
        assertEquals(0.0, maxAbsDifference(net.output(oneHot(text, vocabulary)), loaded.output(oneHot(text, vocabulary))));
    }

    @Test
    void aStateTakenFromTheLayerStaysAsItWasAndRestoresTheRun() {
        int vocabulary = 6;
        MultiLayerNetwork net = stackedSoftmaxNetwork(vocabulary, HIDDEN);
        int[] text = symbols(10, vocabulary, 8);
        net.rnnClearPreviousState();
        for (int t = 0; t < 5; t++) {
            net.rnnTimeStep(oneHot(new int[] {text[t]}, vocabulary));
        }
        java.util.Map<String, INDArray> taken = net.rnnGetPreviousState(1);
        java.util.Map<String, INDArray> copy = new java.util.HashMap<>();
        taken.forEach((key, value) -> copy.put(key, value.dup()));
        java.util.Map<String, INDArray> takenFirst = net.rnnGetPreviousState(0);
        double[] expected = column(net.rnnTimeStep(oneHot(new int[] {text[5]}, vocabulary)), 0);
        for (int t = 6; t < text.length; t++) {
            net.rnnTimeStep(oneHot(new int[] {text[t]}, vocabulary));
        }
        for (String key : copy.keySet()) {
            assertEquals(0.0, maxAbsDifference(copy.get(key), taken.get(key)), "a later step changed the state taken at step 5: " + key);
        }
        net.rnnSetPreviousState(0, takenFirst);
        net.rnnSetPreviousState(1, taken);
        double[] restored = column(net.rnnTimeStep(oneHot(new int[] {text[5]}, vocabulary)), 0);
        assertTrue(maxAbsDifference(expected, restored) < 1e-6, "restoring the state does not resume the run");
    }

    @Test
    void theStepperGivesTheFullPassOutputsForIndicesAndVectorsAgainAfterResetAndAfterSaveAndLoad() throws IOException {
        int vocabulary = 11;
        MultiLayerNetwork net = stackedSoftmaxNetwork(vocabulary, 37);
        FastStepper stepper = FastStepper.of(net).orElseThrow(() -> new AssertionError(FastStepper.unsupportedReason(net)));
        assertEquals(vocabulary, stepper.inputSize());
        assertEquals(vocabulary, stepper.outputSize());
        // the stepper's buffers must outlive a collection (JavaCPP frees unreachable arrays' memory)
        System.gc();
        org.bytedeco.javacpp.Pointer.deallocateReferences();
        System.gc();
        int[] text = symbols(30, vocabulary, 5);
        assertStepperEqualsFullPass(net, stepper, text, vocabulary, false, "indices");
        assertStepperEqualsFullPass(net, stepper, symbols(7, vocabulary, 6), vocabulary, true, "vectors after reset");

        // the network's own stepping is neither used nor disturbed by the stepper
        net.rnnClearPreviousState();
        double[] first = column(net.rnnTimeStep(oneHot(new int[] {text[0]}, vocabulary)), 0);
        stepper.reset();
        stepper.stepSymbol(text[0], new double[vocabulary]);
        stepper.stepSymbol(text[1], new double[vocabulary]);
        double[] second = column(net.rnnTimeStep(oneHot(new int[] {text[1]}, vocabulary)), 0);
        double[] reference = column(net.output(oneHot(new int[] {text[0], text[1]}, vocabulary)), 1);
        assertTrue(first.length == vocabulary && maxAbsDifference(reference, second) < 1e-5, "rnnTimeStep after the stepper");

        // parameters are read where the network keeps them: a change is seen after reset
        net.params().muli(0.5);
        assertStepperEqualsFullPass(net, stepper, text, vocabulary, false, "changed parameters");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), false);
        assertStepperEqualsFullPass(loaded, FastStepper.of(loaded).orElseThrow(), text, vocabulary, false, "loaded");
    }

    @Test
    void theStepperRefusesNetworksItCannotStepAndSaysWhy() {
        BaseRecurrentLayer stockConf = stockLayer(IN, HIDDEN, RNNFormat.NCW);
        if (stockConf != null) {
            MultiLayerNetwork stock = network(stockConf, DataType.FLOAT, RNNFormat.NCW, HIDDEN);
            assertTrue(FastStepper.of(stock).isEmpty());
            assertTrue(FastStepper.unsupportedReason(stock).contains("layer 0"), FastStepper.unsupportedReason(stock));
        }
        MultiLayerNetwork bidirectional = network(new FastBidirectional(fastLayer(IN, HIDDEN, RNNFormat.NCW)),
                DataType.FLOAT, RNNFormat.NCW, 2 * HIDDEN);
        assertTrue(FastStepper.of(bidirectional).isEmpty(), "a bidirectional layer cannot be stepped");
        MultiLayerNetwork plain = network(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.FLOAT, RNNFormat.NCW, HIDDEN);
        assertEquals(null, FastStepper.unsupportedReason(plain));
        FastStepper stepper = FastStepper.of(plain).orElseThrow();
        // an identity output layer and real-valued inputs, step by step against the full pass
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 12).get(NDArrayIndex.point(0)).reshape(1, IN, STEPS);
        INDArray full = plain.output(x);
        double[] out = new double[OUT];
        for (int t = 0; t < STEPS; t++) {
            stepper.step(x.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t)).toDoubleVector(), out);
            assertTrue(maxAbsDifference(column(full, t), out) < 1e-5, "identity output, step " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> stepper.stepSymbol(IN, new double[OUT]));
        assertThrows(IllegalArgumentException.class, () -> stepper.step(new double[IN + 1], new double[OUT]));
        assertThrows(IllegalArgumentException.class, () -> stepper.stepSymbol(0, new double[OUT + 1]));
    }

    @Test
    void truncatedBpttOverOneSegmentTrainsLikeTheStockLayer() {
        BaseRecurrentLayer stockConf = stockLayer(IN, HIDDEN, RNNFormat.NCW);
        org.junit.jupiter.api.Assumptions.assumeTrue(stockConf != null, "no stock layer to compare with");
        MultiLayerNetwork reference = tbpttNetwork(stockConf, DataType.FLOAT, STEPS);
        MultiLayerNetwork fast = tbpttNetwork(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.FLOAT, STEPS);
        fast.setParams(reference.params());
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 6);
        INDArray y = labels(DataType.FLOAT, RNNFormat.NCW);
        INDArray before = fast.params().dup();
        reference.fit(x, y);
        fast.fit(x, y);
        assertTrue(maxAbsDifference(before, fast.params()) > 1e-4, "training changed nothing");
        assertTrue(maxAbsDifference(reference.params(), fast.params()) < 1e-5,
                "parameters after tBPTT differ by " + maxAbsDifference(reference.params(), fast.params()));
    }

    /**
     * A later tBPTT segment starts from the state the previous one ended in; its gradient must be
     * the gradient of that forward pass. (DL4J 1.0.0-M2.1's own layers get this wrong: the
     * network backpropagates segments with the non-truncated call, so the stock LSTM recomputes
     * its forward pass from a zero state; that is why this is not compared with the stock layer.)
     */
    @Test
    void truncatedBpttGradientIsTheGradientOfTheForwardPassFromTheCarriedState() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork net = tbpttNetwork(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.DOUBLE, STEPS);
        org.deeplearning4j.nn.api.layers.RecurrentLayer layer = (org.deeplearning4j.nn.api.layers.RecurrentLayer) net.getLayer(0);
        INDArray x = input(DataType.DOUBLE, RNNFormat.NCW, 9);
        INDArray y = labels(DataType.DOUBLE, RNNFormat.NCW);
        // the state a previous segment would have left: run the layer over other data
        net.rnnTimeStep(input(DataType.DOUBLE, RNNFormat.NCW, 10));
        java.util.Map<String, INDArray> carried = layer.rnnGetPreviousState();
        net.rnnClearPreviousState();
        assertTrue(!carried.isEmpty(), "the layer keeps no state");

        java.util.function.DoubleSupplier score = () -> {
            layer.rnnSetTBPTTState(new java.util.HashMap<>(carried));
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
            return net.score();
        };
        score.getAsDouble();
        INDArray analytic = net.gradient().gradient().dup();
        INDArray params = net.params();
        double epsilon = 1e-6;
        // DL4J scales the reported score and the gradient differently under tBPTT (by the minibatch
        // size); measure that convention on the output layer's last bias, which no recurrent maths touches
        int outputBias = (int) params.length() - 1;
        double convention = analytic.getDouble(outputBias) / numericDerivative(params, outputBias, epsilon, score);
        assertEquals(Math.round(convention), convention, 1e-6, "scale between score and gradient");
        int recurrentParams = (int) net.getLayer(0).numParams();
        for (int i = 0; i < recurrentParams; i += 3) {
            double numeric = convention * numericDerivative(params, i, epsilon, score);
            double expected = analytic.getDouble(i);
            double error = Math.abs(numeric - expected) / Math.max(1e-8, Math.abs(numeric) + Math.abs(expected));
            assertTrue(error < 1e-4 || Math.abs(numeric - expected) < 1e-8,
                    "parameter " + i + ": analytic " + expected + " numeric " + numeric);
        }
    }

    private static double numericDerivative(INDArray params, int i, double epsilon, java.util.function.DoubleSupplier score) {
        double original = params.getDouble(i);
        params.putScalar(i, original + epsilon);
        double plus = score.getAsDouble();
        params.putScalar(i, original - epsilon);
        double minus = score.getAsDouble();
        params.putScalar(i, original);
        return (plus - minus) / (2 * epsilon);
    }

    private static MultiLayerNetwork tbpttNetwork(Layer recurrent, DataType type, int segment) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(type).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(HIDDEN).nOut(OUT).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(segment).tBPTTBackwardLength(segment)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void saveAndLoadGiveTheSameLayerAndOutputs() throws IOException {
        MultiLayerNetwork net = network(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.FLOAT, RNNFormat.NCW, HIDDEN);
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(net.getLayer(0).getClass(), loaded.getLayer(0).getClass());
        assertEquals(net.getLayerWiseConfigurations().getConf(0).getLayer().getClass(),
                loaded.getLayerWiseConfigurations().getConf(0).getLayer().getClass());
        assertEquals(0.0, maxAbsDifference(net.output(x), loaded.output(x)));
    }

    /** A network of this cell as the apps build them, in {@code type}, with non-zero biases everywhere. */
    private MultiLayerNetwork headNetwork(DataType type, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(77).dataType(type).updater(new NoOp()).weightInit(WeightInit.XAVIER).list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        Nd4j.getRandom().setSeed(5);
        net.params().addi(Nd4j.rand(type, net.params().shape()).subi(0.5).muli(0.2));
        return net;
    }

    private static org.deeplearning4j.nn.conf.layers.OutputLayer dense(int nIn, int nOut, Activation activation) {
        return new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(
                activation == Activation.SOFTMAX ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
                .activation(activation).nIn(nIn).nOut(nOut).build();
    }

    private static RnnOutputLayer perStep(int nIn, int nOut, Activation activation) {
        return new RnnOutputLayer.Builder(
                activation == Activation.SOFTMAX ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
                .activation(activation).nIn(nIn).nOut(nOut).dataFormat(RNNFormat.NCW).build();
    }

    private static org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer pooling(
            org.deeplearning4j.nn.conf.layers.PoolingType type) {
        return new org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer.Builder(type).build();
    }

    /** {@link FastForward#output} on real-valued features against {@code net.output} on {@code [1, IN, steps]}. */
    private static void assertForwardEqualsOutput(MultiLayerNetwork net, FastForward forward, int steps, long seed,
                                                  String what) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(net.params().dataType(), 1, IN, steps);
        double[] timeMajor = new double[steps * IN];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < IN; i++) {
                timeMajor[t * IN + i] = x.getDouble(0, i, t);
            }
        }
        double[] out = new double[forward.outputLength(steps)];
        forward.output(timeMajor, steps, out);
        assertEquals(out.length, outputAsTimeMajor(net.output(x)).length, what);
        double difference = maxAbsDifference(outputAsTimeMajor(net.output(x)), out);
        assertTrue(difference < 1e-5, what + ": differs from net.output by " + difference);
    }

    /** A {@code [1, outputs]} or {@code [1, outputs, T]} output, time-major. */
    private static double[] outputAsTimeMajor(INDArray output) {
        if (output.rank() == 2) {
            return output.getRow(0).toDoubleVector();
        }
        return output.get(NDArrayIndex.point(0)).transpose().dup('c').data().asDouble();
    }

    @Test
    void theForwardPassGivesTheNetworksOutputWithEveryHeadTheAppsUse() {
        // per-step identity head over a stack (the bench's networks), float and double
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            MultiLayerNetwork stack = headNetwork(type, fastLayer(IN, HIDDEN, RNNFormat.NCW),
                    fastLayer(HIDDEN, 37, RNNFormat.NCW), perStep(37, OUT, Activation.IDENTITY));
            FastForward forward = FastForward.of(stack).orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(stack)));
            assertTrue(forward.outputsPerStep() && forward.recurrentLayers() == 2 && forward.inputSize() == IN);
            // a short, a longer (the buffers grow) and a short sequence again
            assertForwardEqualsOutput(stack, forward, STEPS, 1, type + " stack");
            assertForwardEqualsOutput(stack, forward, 3 * STEPS + 1, 2, type + " stack, longer");
            assertForwardEqualsOutput(stack, forward, 1, 3, type + " stack, one step");
        }
        // the forecaster's shape: last step, identity dense head
        MultiLayerNetwork last = headNetwork(DataType.FLOAT,
                new org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep(fastLayer(IN, HIDDEN, RNNFormat.NCW)),
                dense(HIDDEN, 4, Activation.IDENTITY));
        FastForward lastStep = FastForward.of(last).orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(last)));
        assertTrue(!lastStep.outputsPerStep() && lastStep.outputLength(STEPS) == 4);
        assertForwardEqualsOutput(last, lastStep, STEPS, 4, "last step");
        // bidirectional, mean and max pooling, softmax dense head; a bidirectional stack per step
        for (var type : List.of(org.deeplearning4j.nn.conf.layers.PoolingType.AVG,
                org.deeplearning4j.nn.conf.layers.PoolingType.MAX)) {
            MultiLayerNetwork pooled = headNetwork(DataType.FLOAT, new FastBidirectional(fastLayer(IN, HIDDEN, RNNFormat.NCW)),
                    pooling(type), dense(2 * HIDDEN, 3, Activation.SOFTMAX));
            FastForward forward = FastForward.of(pooled).orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(pooled)));
            assertForwardEqualsOutput(pooled, forward, STEPS, 5, "bidirectional, " + type + " pooling");
        }
        MultiLayerNetwork plainPooled = headNetwork(DataType.FLOAT, fastLayer(IN, HIDDEN, RNNFormat.NCW),
                pooling(org.deeplearning4j.nn.conf.layers.PoolingType.AVG), dense(HIDDEN, 3, Activation.SOFTMAX));
        assertForwardEqualsOutput(plainPooled, FastForward.of(plainPooled)
                .orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(plainPooled))), STEPS, 9, "mean pooling");
        MultiLayerNetwork biStack = headNetwork(DataType.FLOAT, new FastBidirectional(fastLayer(IN, HIDDEN, RNNFormat.NCW)),
                new FastBidirectional(fastLayer(2 * HIDDEN, HIDDEN, RNNFormat.NCW)), perStep(2 * HIDDEN, OUT, Activation.IDENTITY));
        assertForwardEqualsOutput(biStack, FastForward.of(biStack).orElseThrow(), STEPS, 6, "bidirectional stack");
    }

    @Test
    void theForwardPassReadsTokenIndicesThroughAnEmbeddingOrAsOneHotSymbols() {
        // the classifier's shape: embedding, last step, softmax
        int vocabulary = 13;
        MultiLayerNetwork classifier = headNetwork(DataType.FLOAT,
                new org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(7)
                        .hasBias(false).build(),
                new org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep(fastLayer(7, HIDDEN, RNNFormat.NCW)),
                dense(HIDDEN, 3, Activation.SOFTMAX));
        FastForward forward = FastForward.of(classifier)
                .orElseThrow(() -> new AssertionError(FastForward.unsupportedReason(classifier)));
        assertTrue(forward.readsIndices() && forward.inputSize() == vocabulary);
        for (int length : new int[] {9, 1, 20}) {
            int[] tokens = symbols(length, vocabulary, length);
            INDArray x = Nd4j.create(DataType.FLOAT, 1, length);
            for (int t = 0; t < length; t++) {
                x.putScalar(0, t, tokens[t]);
            }
            double[] out = new double[3];
            forward.outputForIndices(tokens, out);
            double difference = maxAbsDifference(classifier.output(x).getRow(0).toDoubleVector(), out);
            assertTrue(difference < 1e-5, "embedding, " + length + " tokens: differs by " + difference);
        }
        assertThrows(IllegalArgumentException.class, () -> forward.outputForIndices(new int[] {vocabulary}, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> forward.output(new double[IN], 1, new double[3]));

        // the character model's shape: one-hot symbols into a stack, softmax per step
        MultiLayerNetwork charModel = stackedSoftmaxNetwork(11, 37);
        FastForward symbols = FastForward.of(charModel).orElseThrow();
        int[] text = symbols(25, 11, 8);
        double[] out = new double[symbols.outputLength(text.length)];
        symbols.outputForIndices(text, out);
        double difference = maxAbsDifference(outputAsTimeMajor(charModel.output(oneHot(text, 11))), out);
        assertTrue(difference < 1e-5, "one-hot symbols: differs by " + difference);
        assertThrows(IllegalArgumentException.class, () -> symbols.outputForIndices(text, new double[11]));
    }

    @Test
    void theForwardPassRefusesNetworksItCannotRunAndSaysWhy() {
        BaseRecurrentLayer stockConf = stockLayer(IN, HIDDEN, RNNFormat.NCW);
        if (stockConf != null) {
            MultiLayerNetwork stock = network(stockConf, DataType.FLOAT, RNNFormat.NCW, HIDDEN);
            assertTrue(FastForward.of(stock).isEmpty());
            assertTrue(FastForward.unsupportedReason(stock).contains("layer 0"), FastForward.unsupportedReason(stock));
            assertTrue(ConditionedStepper.of(stock.getLayer(0), stock.getLayer(1), 1).isEmpty());
        }
        MultiLayerNetwork identityHead = network(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.FLOAT, RNNFormat.NCW, HIDDEN);
        assertTrue(ConditionedStepper.unsupportedReason(identityHead.getLayer(0), identityHead.getLayer(1), 1)
                .contains("softmax"));
        assertTrue(ConditionedStepper.unsupportedReason(identityHead.getLayer(0), identityHead.getLayer(1), IN)
                .contains("context"));
        MultiLayerNetwork denseInBetween = headNetwork(DataType.FLOAT,
                new org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep(fastLayer(IN, HIDDEN, RNNFormat.NCW)),
                new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(HIDDEN).nOut(4).build(),
                dense(4, 2, Activation.IDENTITY));
        assertTrue(FastForward.unsupportedReason(denseInBetween).contains("follows the reduction"),
                FastForward.unsupportedReason(denseInBetween));
        MultiLayerNetwork sigmoidHead = headNetwork(DataType.FLOAT, fastLayer(IN, HIDDEN, RNNFormat.NCW),
                perStep(HIDDEN, OUT, Activation.SIGMOID));
        assertTrue(FastForward.unsupportedReason(sigmoidHead).contains("activation"), FastForward.unsupportedReason(sigmoidHead));
        MultiLayerNetwork sumPooling = headNetwork(DataType.FLOAT, fastLayer(IN, HIDDEN, RNNFormat.NCW),
                pooling(org.deeplearning4j.nn.conf.layers.PoolingType.SUM), dense(HIDDEN, 2, Activation.IDENTITY));
        assertTrue(FastForward.unsupportedReason(sumPooling).contains("SUM"), FastForward.unsupportedReason(sumPooling));
        assertEquals(null, FastForward.unsupportedReason(network(fastLayer(IN, HIDDEN, RNNFormat.NCW), DataType.FLOAT,
                RNNFormat.NCW, HIDDEN)));
    }
}
