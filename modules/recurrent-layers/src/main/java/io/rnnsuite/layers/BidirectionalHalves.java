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
 * How a {@link Bidirectional} configuration becomes its two layers, shared by this module's
 * bidirectional layers: the halves of the parameter view (forward first, as DL4J's
 * {@code BidirectionalParamInitializer} lays them out), one layer per half.
 */
final class BidirectionalHalves {

    private BidirectionalHalves() {
    }

    /** The forward and the backward layer of {@code bidirectional}, on their halves of {@code layerParamsView}. */
    static org.deeplearning4j.nn.api.Layer[] instantiate(Bidirectional bidirectional, NeuralNetConfiguration conf,
                                                         Collection<TrainingListener> listeners, int layerIndex,
                                                         INDArray layerParamsView, boolean initializeParams,
                                                         DataType dataType) {
        INDArray flat = layerParamsView.reshape(layerParamsView.length());
        long half = layerParamsView.length() / 2;
        return new org.deeplearning4j.nn.api.Layer[] {
            half(conf, bidirectional.getFwd(), listeners, layerIndex, flat.get(NDArrayIndex.interval(0, half)),
                    initializeParams, dataType),
            half(conf, bidirectional.getBwd(), listeners, layerIndex, flat.get(NDArrayIndex.interval(half, 2 * half)),
                    initializeParams, dataType)
        };
    }

    /** {@code layer} with its parameter table and configuration set, as DL4J's {@code Bidirectional} finishes its own. */
    static BidirectionalLayer initialised(Bidirectional bidirectional, BidirectionalLayer layer,
                                          NeuralNetConfiguration conf, INDArray layerParamsView,
                                          boolean initializeParams) {
        Map<String, INDArray> parameters = bidirectional.initializer().init(conf, layerParamsView, initializeParams);
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
