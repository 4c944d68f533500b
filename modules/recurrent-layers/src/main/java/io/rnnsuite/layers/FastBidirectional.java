package io.rnnsuite.layers;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.layers.recurrent.BidirectionalLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J's {@link Bidirectional} (mode CONCAT) around a fast recurrent layer, with the same
 * parameters (keys {@code f*} / {@code b*}, forward half first), output and gradients, but
 * without the wrapper's time-reversed copies: the backward layer reads its input last step first
 * and writes its output and input gradient in the sequence's own order
 * ({@link FastBidirectionalLayer}). DL4J's wrapper spent about 30 % of a BiLSTM(128) training step
 * reversing and concatenating (JFR, docs/results/performance.md).
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
        // the two halves of the parameter view, forward first, as DL4J's BidirectionalParamInitializer lays them out
        INDArray flat = layerParamsView.reshape(layerParamsView.length());
        long half = layerParamsView.length() / 2;
        org.deeplearning4j.nn.api.Layer forward = half(conf, getFwd(), trainingListeners, layerIndex,
                flat.get(NDArrayIndex.interval(0, half)), initializeParams, networkDataType);
        org.deeplearning4j.nn.api.Layer backward = half(conf, getBwd(), trainingListeners, layerIndex,
                flat.get(NDArrayIndex.interval(half, 2 * half)), initializeParams, networkDataType);
        BidirectionalLayer layer = new FastBidirectionalLayer(conf, (FastRecurrentLayer) forward,
                (FastRecurrentLayer) backward, layerParamsView);
        Map<String, INDArray> parameters = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(parameters);
        layer.setConf(conf);
        return layer;
    }

    private static org.deeplearning4j.nn.api.Layer half(NeuralNetConfiguration conf, Layer direction,
                                                        Collection<TrainingListener> listeners, int layerIndex,
                                                        INDArray params, boolean initializeParams, DataType dataType) {
        NeuralNetConfiguration own = conf.clone();
        own.setLayer(direction);
        return direction.instantiate(own, listeners, layerIndex, params, initializeParams, dataType);
    }
}
