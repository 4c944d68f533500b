package io.rnnsuite.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link Bidirectional} (mode CONCAT) around any recurrent layer, DL4J's stock ones
 * included, with the backward half reading each sequence from its own last real step.
 *
 * <p>DL4J 1.0.0-M2.1's wrapper reverses the whole padded time axis for its backward half, so in a
 * batch padded at the end that half reads the padding before the sequence; DL4J's {@code LSTM}
 * does not mask its state in a plain network, so the state built from padding reaches every real
 * step, and a sequence padded in a batch gets other outputs than alone (unless biases are zero).
 * This wrapper reverses each sequence within its own steps instead ({@link StepOrder#backwardsWithin};
 * {@link MaskedBidirectionalLayer}). Parameters (keys {@code f*} / {@code b*}) and saved form are
 * DL4J's; without padding the outputs and gradients are those of DL4J's wrapper.
 */
public class MaskedBidirectional extends Bidirectional {

    /** For Jackson (saved models). */
    public MaskedBidirectional() {
        super();
    }

    /** Wraps {@code layer}, a recurrent layer config (for example DL4J's {@code LSTM} or {@code SimpleRnn}). */
    public MaskedBidirectional(Layer layer) {
        super(Mode.CONCAT, layer);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> trainingListeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        if (getMode() != Mode.CONCAT) {
            throw new IllegalStateException("MaskedBidirectional concatenates the two directions; mode " + getMode());
        }
        org.deeplearning4j.nn.api.Layer[] halves = BidirectionalHalves.instantiate(this, conf, trainingListeners,
                layerIndex, layerParamsView, initializeParams, networkDataType);
        return BidirectionalHalves.initialised(this,
                new MaskedBidirectionalLayer(conf, halves[0], halves[1], layerParamsView), conf, layerParamsView,
                initializeParams);
    }
}
