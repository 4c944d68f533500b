package io.rnnsuite.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.layers.recurrent.BidirectionalLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link Bidirectional} (mode CONCAT) around a fast recurrent layer, with the same
 * parameters (keys {@code f*} / {@code b*}, forward half first), but without the wrapper's
 * time-reversed copies: the backward layer reads its input last step first and writes its output
 * and input gradient in the sequence's own order ({@link FastBidirectionalLayer}). DL4J's wrapper
 * spent about 30 % of a BiLSTM(128) training step reversing and concatenating (JFR,
 * docs/results/performance.md).
 *
 * <p>Under a feature mask the backward layer starts each sequence at its own last real step, as
 * {@link MaskedBidirectional} does; DL4J's wrapper starts every sequence at the end of the padded
 * time axis, so there its LSTM reads the padding first and a padded sequence gets other outputs
 * than alone. Without padding the outputs and gradients are those of DL4J's wrapper.
 */
public class FastBidirectional extends Bidirectional {

    /** For Jackson (saved models). */
    public FastBidirectional() {
        super();
    }

    /** Wraps {@code layer}, a fast recurrent layer config ({@link FastLstm}, {@link FastSimpleRnn}, {@link Gru}). */
    public FastBidirectional(Layer layer) {
        super(Mode.CONCAT, layer);
        if (!(layer instanceof FastLstm || layer instanceof FastSimpleRnn || layer instanceof Gru)) {
            throw new IllegalArgumentException("FastBidirectional wraps FastLstm, FastSimpleRnn or Gru, not "
                    + layer.getClass().getSimpleName() + " (use DL4J's Bidirectional for other layers)");
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> trainingListeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        if (getMode() != Mode.CONCAT) {
            throw new IllegalStateException("FastBidirectional concatenates the two directions; mode " + getMode());
        }
        org.deeplearning4j.nn.api.Layer[] halves = BidirectionalHalves.instantiate(this, conf, trainingListeners,
                layerIndex, layerParamsView, initializeParams, networkDataType);
        BidirectionalLayer layer = new FastBidirectionalLayer(conf, (FastRecurrentLayer) halves[0],
                (FastRecurrentLayer) halves[1], layerParamsView);
        return BidirectionalHalves.initialised(this, layer, conf, layerParamsView, initializeParams);
    }
}
