package io.rnnsuite.common.train;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The training loop's test task: an LSTM reads a short sequence of numbers and outputs their sum. */
final class SumTask {

    private SumTask() {
    }

    /** An LSTM of {@code hidden} units, its last step into one linear output, MSE, Adam with clipping 1. */
    static MultiLayerNetwork network(long seed, double learningRate, int hidden) {
        RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, hidden, 1, false, 0);
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(seed, learningRate, 1.0).list();
        RecurrentLayerFactory.sequenceToVectorLayers(spec, 1, SequencePooling.LAST).forEach(list::layer);
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(hidden).nOut(1)
                .build());
        list.setInputType(InputType.recurrent(1));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** {@code count} sequences of {@code steps} numbers in [-0.5, 0.5), each with its sum as the target. */
    static List<MultiDataSet> sums(int count, int steps, long seed) {
        Random random = new Random(seed);
        List<MultiDataSet> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] x = new float[steps];
            float sum = 0;
            for (int t = 0; t < x.length; t++) {
                x[t] = random.nextFloat() - 0.5f;
                sum += x[t];
            }
            examples.add(new MultiDataSet(Nd4j.create(x, new long[] {1, 1, steps}, 'c'),
                    Nd4j.create(new float[] {sum}, new long[] {1, 1}, 'c')));
        }
        return examples;
    }
}
