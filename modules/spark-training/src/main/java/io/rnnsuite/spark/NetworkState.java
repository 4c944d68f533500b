package io.rnnsuite.spark;

import java.io.Serializable;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a worker starts a round from and sends back: all parameters and the optimiser's state as
 * flat float arrays, and the network's iteration and epoch counts (the Adam step's bias correction
 * and learning-rate schedules read them).
 *
 * @param params    every parameter, in the network's flattened order
 * @param updater   the updater's state view (Adam's moments), empty when it keeps none
 * @param iteration iterations the network has done
 * @param epoch     the network's epoch count
 */
record NetworkState(float[] params, float[] updater, int iteration, int epoch) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Bytes of one copy on the wire (4 per float). */
    long bytes() {
        return 4L * (params.length + updater.length);
    }

    /** A copy of {@code model}'s state. */
    static NetworkState of(Model model) {
        INDArray state = updaterState(model);
        return new NetworkState(floats(model.params()), state == null ? new float[0] : floats(state),
                iterationCount(model), epochCount(model));
    }

    /** Writes this state into {@code model} (same architecture). */
    void applyTo(Model model) {
        INDArray params = model.params();
        if (params.length() != this.params.length) {
            throw new IllegalStateException("a worker's network has " + params.length() + " parameters, the broadcast "
                    + this.params.length);
        }
        params.assign(Nd4j.createFromArray(this.params).reshape(params.shape()).castTo(params.dataType()));
        INDArray state = updaterState(model);
        if (state != null && updater.length == state.length()) {
            state.assign(Nd4j.createFromArray(updater).reshape(state.shape()).castTo(state.dataType()));
        }
        if (model instanceof MultiLayerNetwork net) {
            net.setIterationCount(iteration);
            net.setEpochCount(epoch);
        } else if (model instanceof ComputationGraph graph) {
            graph.getConfiguration().setIterationCount(iteration);
            graph.getConfiguration().setEpochCount(epoch);
        }
    }

    private static float[] floats(INDArray array) {
        return array.dataType() == DataType.FLOAT ? array.dup().toFloatVector() : array.castTo(DataType.FLOAT).toFloatVector();
    }

    static INDArray updaterState(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            return net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        }
        if (model instanceof ComputationGraph graph) {
            return graph.getUpdater() == null ? null : graph.getUpdater().getStateViewArray();
        }
        throw new IllegalArgumentException("cannot average a " + model.getClass().getSimpleName());
    }

    static int iterationCount(Model model) {
        return model instanceof MultiLayerNetwork net ? net.getIterationCount()
                : ((ComputationGraph) model).getConfiguration().getIterationCount();
    }

    static int epochCount(Model model) {
        return model instanceof MultiLayerNetwork net ? net.getEpochCount()
                : ((ComputationGraph) model).getConfiguration().getEpochCount();
    }
}
