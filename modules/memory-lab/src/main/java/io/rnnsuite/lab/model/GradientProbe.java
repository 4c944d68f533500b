package io.rnnsuite.lab.model;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Measures gradients without training: {@link MultiLayerNetwork#calculateGradients} runs one
 * forward and backward pass and returns both the parameter gradient and the gradient of the loss
 * with respect to the network's input, {@code ∂L/∂x}, shaped like the features {@code [batch, channels, T]}.
 */
public final class GradientProbe {

    private GradientProbe() {
    }

    /**
     * {@code ‖∂L/∂x_t‖} for t = 1..T: the L2 norm over the batch and the input channels of the
     * loss gradient with respect to the input at each step. How fast this falls as t moves away
     * from the step where the loss is taken is the vanishing gradient, made visible.
     */
    public static double[] inputGradientNorms(MultiLayerNetwork network, MultiDataSet batch) {
        INDArray inputGradient = backward(network, batch).getSecond();
        return inputGradient.castTo(DataType.DOUBLE).norm2(0, 1).toDoubleVector();
    }

    /** L2 norm of the whole parameter gradient on {@code batch}. */
    public static double parameterGradientNorm(MultiLayerNetwork network, MultiDataSet batch) {
        Gradient gradient = backward(network, batch).getFirst();
        return gradient.gradient().castTo(DataType.DOUBLE).norm2Number().doubleValue();
    }

    /** {@code norms[0] / norms[T-1]}: how much of the gradient reaches the first step, relative to the last. */
    public static double firstToLastRatio(double[] norms) {
        return norms[0] / norms[norms.length - 1];
    }

    private static Pair<Gradient, INDArray> backward(MultiLayerNetwork network, MultiDataSet batch) {
        return network.calculateGradients(batch.getFeatures(0), batch.getLabels(0), null, null);
    }
}
