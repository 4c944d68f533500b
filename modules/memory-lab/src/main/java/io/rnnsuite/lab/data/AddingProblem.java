package io.rnnsuite.lab.data;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The adding problem (Hochreiter &amp; Schmidhuber 1997, in the form of Le et al. 2015): each step
 * carries two inputs, a value drawn uniformly from [0, 1] and a marker that is 1 at exactly two
 * steps (one in the first half of the sequence, one in the second) and 0 elsewhere. The target is
 * the sum of the two marked values. Predicting the mean, 1.0, scores the variance of a sum of two
 * independent uniforms, 2 × 1/12 = 1/6 ≈ 0.1667: that is the baseline.
 */
public final class AddingProblem implements MemoryTask {

    /** Input channels: 0 = value, 1 = marker. */
    public static final int VALUE_CHANNEL = 0;
    public static final int MARKER_CHANNEL = 1;
    /** Mean squared error of always predicting 1.0. */
    public static final double BASELINE_MSE = 1.0 / 6.0;

    @Override
    public String name() {
        return "adding";
    }

    @Override
    public String lossName() {
        return "MSE";
    }

    @Override
    public double baselineLoss(int length) {
        return BASELINE_MSE;
    }

    @Override
    public String baselineFormula() {
        return "Var(U1 + U2) = 2/12 = 1/6 ≈ 0.1667 (always predict the mean sum, 1.0)";
    }

    @Override
    public MultiDataSet batch(int count, int length, Random random) {
        if (length < 2) {
            throw new IllegalArgumentException("the adding problem needs a length of at least 2, got " + length);
        }
        float[][][] features = new float[count][2][length];
        float[][] labels = new float[count][1];
        int half = length / 2;
        for (int n = 0; n < count; n++) {
            for (int t = 0; t < length; t++) {
                features[n][VALUE_CHANNEL][t] = random.nextFloat();
            }
            int first = random.nextInt(half);
            int second = half + random.nextInt(length - half);
            features[n][MARKER_CHANNEL][first] = 1f;
            features[n][MARKER_CHANNEL][second] = 1f;
            labels[n][0] = features[n][VALUE_CHANNEL][first] + features[n][VALUE_CHANNEL][second];
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(Nd4j.create(features), Nd4j.create(labels));
    }

    @Override
    public MultiLayerNetwork network(RecurrentSpec spec, long seed, double learningRate, double clipNorm) {
        return network(RecurrentLayerFactory.baseConfiguration(seed, learningRate, clipNorm), spec);
    }

    /** The adding network on a caller's base configuration (the gradient lab swaps the updater). */
    public MultiLayerNetwork network(NeuralNetConfiguration.Builder base, RecurrentSpec spec) {
        NeuralNetConfiguration.ListBuilder list = base.list();
        for (Layer layer : RecurrentLayerFactory.sequenceToVectorLayers(spec, 2, SequencePooling.LAST)) {
            list.layer(layer);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY).nIn(spec.outputSize()).nOut(1).build());
        list.setInputType(InputType.recurrent(2));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** MSE of always predicting 1.0 on {@code data}. */
    @Override
    public double measuredBaseline(MultiDataSet data) {
        INDArray error = data.getLabels(0).castTo(DataType.DOUBLE).sub(1.0);
        return error.mul(error).meanNumber().doubleValue();
    }

    @Override
    public double loss(MultiLayerNetwork network, MultiDataSet data) {
        INDArray predicted = network.output(data.getFeatures(0), false).castTo(DataType.DOUBLE);
        INDArray error = predicted.sub(data.getLabels(0).castTo(DataType.DOUBLE));
        return error.mul(error).meanNumber().doubleValue();
    }
}
