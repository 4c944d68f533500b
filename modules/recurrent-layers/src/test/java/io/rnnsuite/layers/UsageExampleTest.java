package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The two networks of the module README, built and run as written there. */
class UsageExampleTest {

    @Test
    void theReadmesMultiLayerNetworkRuns() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new FastLstm.Builder().nIn(10).nOut(64).build())
                .layer(new FastBidirectional(new Gru.Builder().nIn(64).nOut(32).build()))
                .layer(new FastRnnOutput.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nIn(64).nOut(5).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        long[] shape = net.output(Nd4j.rand(DataType.FLOAT, 2, 10, 7)).shape();
        assertArrayEquals(new long[] {2, 5, 7}, shape);
        net.fit(Nd4j.rand(DataType.FLOAT, 2, 10, 7), Nd4j.rand(DataType.FLOAT, 2, 5, 7));
        assertTrue(Double.isFinite(net.score()), "a training step on the README's network");
    }

    @Test
    void theReadmesComputationGraphRuns() {
        ComputationGraphConfiguration graph = new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.recurrent(10))
                .addLayer("encoder", new FastBidirectional(new FastLstm.Builder().nOut(64).build()), "in")
                .addLayer("last", new LastTimeStep(new Gru.Builder().nOut(32).build()), "encoder")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nOut(5).build(), "last")
                .setOutputs("out")
                .build();
        ComputationGraph model = new ComputationGraph(graph);
        model.init();
        long[] shape = model.outputSingle(Nd4j.rand(DataType.FLOAT, 2, 10, 7)).shape();
        assertArrayEquals(new long[] {2, 5}, shape);
    }
}
