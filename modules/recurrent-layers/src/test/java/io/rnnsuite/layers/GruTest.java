package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The GRU has no stock DL4J layer to agree with, so besides the contract (whose stock comparisons
 * are skipped) it is checked against the formula computed by hand, float kernels against the
 * double reference, and by learning a task that needs memory.
 */
class GruTest extends FastLayerContract {

    @Override
    BaseRecurrentLayer stockLayer(int nIn, int nOut, RNNFormat format) {
        return null;
    }

    @Override
    BaseRecurrentLayer fastLayer(int nIn, int nOut, RNNFormat format) {
        return new Gru.Builder().nIn(nIn).nOut(nOut).dataFormat(format).build();
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** One step from a stored state, two sequences (the second padded), against plain doubles. */
    @Test
    void oneStepMatchesTheFormulaWorkedOutByHand() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        int nIn = 2;
        int hidden = 2;
        MultiLayerNetwork net = network(new Gru.Builder().nIn(nIn).nOut(hidden).build(), DataType.DOUBLE,
                RNNFormat.NCW, hidden);
        double[][] w = {{0.1, -0.2, 0.3, 0.4, -0.5, 0.6}, {-0.7, 0.8, 0.05, -0.15, 0.25, -0.35}};
        double[][] rw = {{0.2, 0.1, -0.3, 0.5, 0.4, -0.6}, {0.3, -0.4, 0.7, -0.2, 0.9, 0.15}};
        double[] b = {0.01, -0.02, 0.03, 0.04, -0.05, 0.06};
        double[] rb = {-0.1, 0.2, 0.3, -0.4, 0.5, -0.6};
        double[] x = {0.5, -1.5};
        double[] h = {0.3, -0.8};
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(0);
        layer.getParam(GruParamInitializer.WEIGHT_KEY).assign(Nd4j.createFromArray(w));
        layer.getParam(GruParamInitializer.RECURRENT_WEIGHT_KEY).assign(Nd4j.createFromArray(rw));
        layer.getParam(GruParamInitializer.BIAS_KEY).assign(Nd4j.createFromArray(b).reshape(1, 6));
        layer.getParam(GruParamInitializer.RECURRENT_BIAS_KEY).assign(Nd4j.createFromArray(rb).reshape(1, 6));

        double[] expected = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double[] input = new double[3];
            double[] recurrent = new double[3];
            for (int gate = 0; gate < 3; gate++) {
                int column = gate * hidden + j;
                input[gate] = b[column] + x[0] * w[0][column] + x[1] * w[1][column];
                recurrent[gate] = rb[column] + h[0] * rw[0][column] + h[1] * rw[1][column];
            }
            double r = sigmoid(input[0] + recurrent[0]);
            double z = sigmoid(input[1] + recurrent[1]);
            double n = Math.tanh(input[2] + r * recurrent[2]);
            expected[j] = (1 - z) * n + z * h[j];
        }

        RecurrentLayer gru = (RecurrentLayer) layer;
        INDArray state = Nd4j.createFromArray(new double[][] {h, h});
        gru.rnnSetPreviousState(Map.of(GruLayer.STATE_OUTPUT, state));
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {0}});
        layer.setMaskArray(mask);
        INDArray in = Nd4j.createFromArray(new double[][] {x, x}).reshape(2, nIn, 1);
        INDArray out = gru.rnnTimeStep(in, LayerWorkspaceMgr.noWorkspaces());
        for (int j = 0; j < hidden; j++) {
            assertEquals(expected[j], out.getDouble(0, j, 0), 1e-12, "unit " + j);
            assertEquals(0.0, out.getDouble(1, j, 0), 0.0, "padded sequence, unit " + j);
            assertEquals(0.0, gru.rnnGetPreviousState().get(GruLayer.STATE_OUTPUT).getDouble(1, j), 0.0,
                    "a padded step resets the state");
        }
    }

    /**
     * The network's feature mask reaches the layer (as with DL4J's SimpleRnn, not its LSTM): padded
     * steps output 0, and what stands in the padding cannot reach real steps, not even through the
     * backward half of Bidirectional, which reads the padding first.
     */
    @Test
    void paddingNeverReachesRealStepsInsideBidirectional() {
        MultiLayerNetwork net = network(new org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional(
                fastLayer(IN, HIDDEN, RNNFormat.NCW)), DataType.FLOAT, RNNFormat.NCW, 2 * HIDDEN);
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 11);
        INDArray m = mask(DataType.FLOAT);
        INDArray other = x.dup();
        // different values in every padded step
        INDArray noise = input(DataType.FLOAT, RNNFormat.NCW, 12);
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < STEPS; t++) {
                if (m.getDouble(b, t) == 0) {
                    other.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(t))
                            .assign(noise.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(t)));
                }
            }
        }
        INDArray out = net.feedForward(x, m, m).get(1);
        INDArray outOther = net.feedForward(other, m, m).get(1);
        assertEquals(0.0, maxAbsDifference(out, outOther), 0.0);
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < STEPS; t++) {
                if (m.getDouble(b, t) == 0) {
                    INDArray padded = out.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(t));
                    assertEquals(0.0, padded.amaxNumber().doubleValue(), 0.0, "sequence " + b + " step " + t);
                }
            }
        }
    }

    /** The documented layout: W's flat memory is PyTorch's row-major weight_ih ([3H, nIn]), and so on. */
    @Test
    void parametersAreLaidOutAsPyTorchsTransposed() {
        int hidden = 2;
        MultiLayerNetwork net = network(fastLayer(IN, hidden, RNNFormat.NCW), DataType.FLOAT, RNNFormat.NCW, hidden);
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(0);
        assertEquals(3L * hidden * (IN + hidden + 2), layer.numParams());
        assertEquals(List.of("W", "RW", "b", "rb"), List.copyOf(layer.paramTable().keySet()));
        INDArray flat = layer.params();
        flat.assign(Nd4j.linspace(DataType.FLOAT, 0, flat.length(), 1));
        INDArray w = layer.getParam("W");
        INDArray rw = layer.getParam("RW");
        assertEquals(List.of((long) IN, 3L * hidden), List.of(w.size(0), w.size(1)));
        for (int row = 0; row < 3 * hidden; row++) {
            for (int i = 0; i < IN; i++) {
                assertEquals(row * IN + i, w.getDouble(i, row), "weight_ih[" + row + "][" + i + "]");
            }
            for (int k = 0; k < hidden; k++) {
                assertEquals(3 * hidden * IN + row * hidden + k, rw.getDouble(k, row), "weight_hh[" + row + "][" + k + "]");
            }
        }
        long biasStart = 3L * hidden * (IN + hidden);
        assertEquals(biasStart, layer.getParam("b").getDouble(0, 0));
        assertEquals(biasStart + 3 * hidden, layer.getParam("rb").getDouble(0, 0));
    }

    /** 37 units (vectors and a tail): float (Vector API kernels) against double (the scalar reference). */
    @Test
    void floatVectorKernelsAgreeWithTheDoubleReference() {
        assertTrue(VectorSupport.vectorised(), "tests must run with --add-modules jdk.incubator.vector");
        int hidden = 37;
        MultiLayerNetwork single = network(fastLayer(IN, hidden, RNNFormat.NCW), DataType.FLOAT, RNNFormat.NCW, hidden);
        MultiLayerNetwork reference = network(fastLayer(IN, hidden, RNNFormat.NCW), DataType.DOUBLE, RNNFormat.NCW, hidden);
        // non-zero biases, so that every term of the kernels matters
        Nd4j.getRandom().setSeed(3);
        single.setParams(single.params().addi(Nd4j.randn(DataType.FLOAT, single.params().shape()).muli(0.1)));
        reference.setParams(single.params().castTo(DataType.DOUBLE));
        INDArray x = input(DataType.FLOAT, RNNFormat.NCW, 1);
        INDArray y = labels(DataType.FLOAT, RNNFormat.NCW);
        INDArray m = mask(DataType.FLOAT);
        for (MultiLayerNetwork net : List.of(single, reference)) {
            DataType type = net == single ? DataType.FLOAT : DataType.DOUBLE;
            net.setLayerMaskArrays(m.castTo(type), m.castTo(type));
            net.setInput(x.castTo(type));
            net.setLabels(y.castTo(type));
            net.computeGradientAndScore();
        }
        assertEquals(reference.score(), single.score(), 1e-5);
        Gradient expected = reference.gradient();
        Gradient actual = single.gradient();
        for (String key : expected.gradientForVariable().keySet()) {
            INDArray e = expected.getGradientFor(key);
            double scale = Math.max(1e-3, e.amaxNumber().doubleValue());
            double difference = maxAbsDifference(e, actual.getGradientFor(key));
            assertTrue(difference / scale < 1e-4, key + " gradient differs by " + difference);
        }
    }

    /** Echo the input of the previous step: needs one step of memory; the loss must fall by half. */
    @Test
    void learnsToEchoThePreviousStep() {
        int steps = 10;
        int batch = 16;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).dataType(DataType.FLOAT).updater(new Adam(0.02)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new Gru.Builder().nIn(1).nOut(8).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(8).nOut(1).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, 1, steps);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 1, steps);
        y.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, steps))
                .assign(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, steps - 1)));
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        double initial = net.score();
        for (int i = 0; i < 300; i++) {
            net.fit(x, y);
        }
        double trained = net.score();
        assertTrue(trained < initial / 2, "loss " + initial + " -> " + trained);
    }

    @Test
    void refusesAnActivationOtherThanTanh() {
        assertThrows(IllegalArgumentException.class, () -> new Gru.Builder().nIn(2).nOut(3).activation(Activation.RELU).build());
    }
}
