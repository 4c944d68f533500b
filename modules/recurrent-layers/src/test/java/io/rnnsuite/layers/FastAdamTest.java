package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class FastAdamTest {

    @AfterEach
    void restoreDefaults() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        BlasThreads.applyBlas(1);
        RowSplit.setMinimumWork(RowSplit.MIN_WORK_PER_HALF);
    }

    private static MultiLayerNetwork network(IUpdater updater, DataType type) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3).dataType(type).updater(updater).weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(1.0)
                .list()
                .layer(new FastLstm.Builder().nIn(5).nOut(12).build())
                .layer(new FastRnnOutput.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(12).nOut(4).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static DataSet data(DataType type) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(type, 6, 5, 8);
        INDArray y = Nd4j.zeros(type, 6, 4, 8);
        java.util.Random random = new java.util.Random(5);
        for (int b = 0; b < 6; b++) {
            for (int t = 0; t < 8; t++) {
                y.putScalar(new long[] {b, random.nextInt(4), t}, 1.0);
            }
        }
        return new DataSet(x, y);
    }

    private static double maxRelativeDifference(INDArray a, INDArray b) {
        INDArray da = a.castTo(DataType.DOUBLE);
        INDArray db = b.castTo(DataType.DOUBLE);
        return da.sub(db).amaxNumber().doubleValue() / Math.max(1e-30, da.amaxNumber().doubleValue());
    }

    /** Ten steps of Adam and of FastAdam from the same start: parameters and updater state agree. */
    private static void trainsAsAdam(IUpdater stock, IUpdater fast, DataType type, double tolerance) {
        MultiLayerNetwork a = network(stock, type);
        MultiLayerNetwork b = network(fast, type);
        b.setParams(a.params());
        DataSet data = data(type);
        for (int i = 0; i < 10; i++) {
            a.fit(data);
            b.fit(data);
        }
        assertInstanceOf(FastAdam.class, ((BaseLayer) b.getLayer(0).conf().getLayer()).getIUpdater());
        double params = maxRelativeDifference(a.params(), b.params());
        double state = maxRelativeDifference(a.getUpdater().getStateViewArray(), b.getUpdater().getStateViewArray());
        assertTrue(params < tolerance, "parameters differ by " + params);
        assertTrue(state < tolerance, "updater state differs by " + state);
        assertTrue(maxRelativeDifference(network(stock, type).params(), a.params()) > 1e-3, "training moved the parameters");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float", "double", "float, split between the cores"})
    void trainsAsDl4jsAdamDoes(String variant) {
        DataType type = variant.startsWith("double") ? DataType.DOUBLE : DataType.FLOAT;
        if (type == DataType.DOUBLE) {
            Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        }
        if (variant.contains("split")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(BlasLibrary.choose(), "the split runs on MKL only");
            BlasThreads.applyBlas(2);
            RowSplit.setMinimumWork(0);
        }
        long before = RowSplit.splitPasses();
        trainsAsAdam(new Adam(0.02, 0.8, 0.99, 1e-6), new FastAdam(0.02, 0.8, 0.99, 1e-6), type,
                type == DataType.DOUBLE ? 1e-12 : 1e-5);
        if (variant.contains("split")) {
            assertTrue(RowSplit.splitPasses() > before, "the step was shared between the cores");
        }
    }

    @Test
    void followsALearningRateSchedule() {
        trainsAsAdam(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 0.05, 0.7)),
                new FastAdam(new ExponentialSchedule(ScheduleType.ITERATION, 0.05, 0.7)), DataType.FLOAT, 1e-5);
    }

    @Test
    void keepsItsClassAndSettingsThroughJsonCloningAndASavedModel() throws IOException {
        FastAdam adam = new FastAdam(0.003, 0.85, 0.995, 1e-7);
        FastAdam copy = adam.clone();
        assertEquals(adam, copy);
        assertEquals(0.85, copy.getBeta1());
        MultiLayerNetwork net = network(adam, DataType.FLOAT);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        IUpdater loaded = ((BaseLayer) back.getConf(0).getLayer()).getIUpdater();
        assertInstanceOf(FastAdam.class, loaded);
        assertEquals(adam, loaded);

        DataSet data = data(DataType.FLOAT);
        net.fit(data);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        net.fit(data);
        restored.fit(data);
        assertArrayEquals(net.params().toFloatVector(), restored.params().toFloatVector(), 0f,
                "a saved model with its updater state continues exactly as the original");
    }

    @Test
    void theVectorAndScalarStepsAgreeToTheBit() {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorSupport.vectorised(), "needs the Vector API");
        int n = 1000; // not a multiple of the vector length: the scalar tail runs too
        INDArray[] vector = {Nd4j.randn(DataType.FLOAT, n), Nd4j.rand(DataType.FLOAT, n), Nd4j.rand(DataType.FLOAT, n)};
        INDArray[] scalar = {vector[0].dup(), vector[1].dup(), vector[2].dup()};
        VectorSupport.floatPointwise().adam(n, Mem.of(vector[0]), 0, Mem.of(vector[1]), 0, Mem.of(vector[2]), 0,
                0.9, 0.999, 0.01, 1e-8);
        ScalarPointwise.INSTANCE.adam(n, Mem.of(scalar[0]), 0, Mem.of(scalar[1]), 0, Mem.of(scalar[2]), 0,
                0.9, 0.999, 0.01, 1e-8);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(scalar[k].toFloatVector(), vector[k].toFloatVector(), 0f, "array " + k);
        }
        assertTrue(vector[0].amaxNumber().doubleValue() > 0, "an update was written");
    }
}
