package io.rnnsuite.layers;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * DL4J's {@link Adam}, with its step computed in one Java pass over the gradient ({@link
 * Pointwise#adam}, vectorised for float, shared between the cores on large parameter vectors)
 * instead of ND4J's {@code adam_updater} op. Same settings, defaults, state layout ({@code [m |
 * v]}, so saved updater state moves between the two) and maths in the same order; on the
 * char-LM's default model (267k parameters) ND4J's op took about 1.4 ms a step.
 *
 * <p>A network configured with it saves this class's name in its configuration, so loading it
 * needs rnn-suite-layers on the class path, as the fast layers do.
 */
public class FastAdam extends Adam {

    /** Adam's defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8. */
    public FastAdam() {
        super();
    }

    public FastAdam(double learningRate) {
        super(learningRate);
    }

    public FastAdam(ISchedule learningRateSchedule) {
        super(learningRateSchedule);
    }

    public FastAdam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        FastAdamUpdater updater = new FastAdamUpdater(this);
        INDArray flat = viewArray.reshape(viewArray.length());
        long[] gradientShape = Arrays.copyOf(flat.shape(), flat.rank());
        gradientShape[0] /= 2;
        updater.setStateViewArray(flat, gradientShape, flat.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        FastAdamUpdater updater = new FastAdamUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public FastAdam clone() {
        FastAdam copy = new FastAdam(getLearningRate(), getBeta1(), getBeta2(), getEpsilon());
        copy.setLearningRateSchedule(getLearningRateSchedule() == null ? null : getLearningRateSchedule().clone());
        return copy;
    }
}
