package io.rnnsuite.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A drop-in replacement for DL4J's {@link LSTM} layer configuration: the same maths, the same
 * parameters in the same layout (so a stock model's parameters load unchanged), computed by
 * {@link FastLstmLayer}. Build it from a stock configuration:
 * <pre>{@code
 * Layer lstm = FastLstm.of(new LSTM.Builder().nIn(10).nOut(64).activation(Activation.TANH).build());
 * }</pre>
 * Usable in {@code MultiLayerNetwork}, {@code ComputationGraph}, inside {@code Bidirectional} and
 * {@code LastTimeStep}; saved and loaded like any layer (the class name goes into the JSON).
 * Sigmoid gates and a tanh activation only (DL4J's defaults); peepholes are {@code GravesLSTM}'s,
 * not this layer's.
 */
public class FastLstm extends LSTM {

    /** For JSON deserialisation; use {@link #of(LSTM)}. */
    public FastLstm() {
        super();
    }

    /** A fast LSTM configured exactly like {@code stock}. */
    public static FastLstm of(LSTM stock) {
        FastLstm fast = LayerConfigs.copySettings(stock, new FastLstm());
        fast.validate();
        return fast;
    }

    private void validate() {
        LayerConfigs.requireTanh(getActivationFn(), "the LSTM activation");
        LayerConfigs.requireSigmoid(getGateActivationFn(), "the LSTM gate activation");
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        validate();
        return LayerConfigs.wire(new FastLstmLayer(conf, networkDataType), initializer(), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }
}
