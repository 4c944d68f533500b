package io.rnnsuite.layers;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;

/**
 * Whether a fast recurrent layer computes the gradient with respect to its input. A network's
 * first layer reads the features, whose gradient nobody uses: {@code MultiLayerNetwork} drops it
 * after the first layer's backward pass (unless asked for it, as in {@code backpropGradient} with
 * external errors). Computing it costs one product as large as the input projection (for LSTM(128)
 * on 128 inputs a sixth of a training step's products) and a copy into DL4J's layout. PyTorch does
 * not compute it either when the input does not require a gradient.
 *
 * <p>Switch it off only for a layer that reads the network's own input, in a
 * {@code MultiLayerNetwork} without an input preprocessor on that layer: the layer then returns
 * no input gradient (null), which DL4J accepts for the first layer and nowhere else.
 */
public final class InputGradients {

    private InputGradients() {
    }

    /** What the fast layer configurations implement. */
    public interface Switch {
        /** True (the default) if the layer computes and returns the gradient with respect to its input. */
        boolean isInputGradient();

        void setInputGradient(boolean inputGradient);
    }

    /**
     * Switches the input gradient off in {@code layer} if it is a fast recurrent layer, or a
     * {@code Bidirectional} or {@code LastTimeStep} around one.
     *
     * @return true if a fast layer was switched, false if {@code layer} is none (left as it is)
     */
    public static boolean skipFor(Layer layer) {
        if (layer instanceof Switch s) {
            s.setInputGradient(false);
            return true;
        }
        if (layer instanceof LastTimeStep wrapper) {
            return skipFor(wrapper.getUnderlying());
        }
        if (layer instanceof Bidirectional wrapper) {
            boolean forward = skipFor(wrapper.getFwd());
            boolean backward = skipFor(wrapper.getBwd());
            return forward && backward;
        }
        return false;
    }

    /** True unless {@code layer}'s configuration is a fast layer with its input gradient switched off. */
    static boolean wanted(Object layerConfiguration) {
        return !(layerConfiguration instanceof Switch s) || s.isInputGradient();
    }
}
