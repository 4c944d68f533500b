package io.rnnsuite.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A drop-in replacement for DL4J's {@link LSTM} layer configuration: the same maths, the same
 * parameters in the same layout (so a stock model's parameters load unchanged), computed by
 * {@link FastLstmLayer}. Build it like the stock one, with {@link Builder} in place of
 * {@code LSTM.Builder}:
 * <pre>{@code
 * Layer lstm = new FastLstm.Builder().nIn(10).nOut(64).build();
 * }</pre>
 * or convert a stock configuration with {@link #of(LSTM)}. Usable in {@code MultiLayerNetwork},
 * {@code ComputationGraph}, inside {@code Bidirectional}, {@link FastBidirectional} and
 * {@code LastTimeStep}; saved and loaded like any layer (the class name goes into the JSON).
 * Sigmoid gates and a tanh activation only (DL4J's defaults); peepholes are {@code GravesLSTM}'s,
 * not this layer's.
 */
public class FastLstm extends LSTM implements InputGradients.Switch {

    /** See {@link InputGradients}; true unless switched off for a network's first layer. */
    private boolean inputGradient = true;

    /** For JSON deserialisation; use {@link Builder} or {@link #of(LSTM)}. */
    public FastLstm() {
        super();
    }

    /**
     * A fast LSTM configured exactly like {@code stock} (which is left unchanged).
     *
     * @throws IllegalArgumentException if the activation is not tanh or the gates not sigmoid
     */
    public static FastLstm of(LSTM stock) {
        LSTM source = (LSTM) stock.clone();
        FastLstm fast = LayerConfigs.copyRecurrentSettings(source, new FastLstm());
        // AbstractLSTM
        fast.setHelperAllowFallback(source.isHelperAllowFallback());
        // LSTM (its own copies of these two shadow AbstractLSTM's; the setters reach LSTM's)
        fast.setForgetGateBiasInit(source.getForgetGateBiasInit());
        fast.setGateActivationFn(source.getGateActivationFn());
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

    /**
     * DL4J's {@code LSTM.Builder} with every setting it has (sizes, initialisation, forget-gate
     * bias, updater, dropout, constraints, data format, ...), building a {@link FastLstm}. The
     * activation starts as tanh, the only one the layer computes (stock LSTM would take the
     * network's default, sigmoid); the gates are sigmoid as in DL4J. The fluent setters are
     * {@code LSTM.Builder}'s, so a chain's {@code build()} has the static type {@code LSTM}; the
     * object is a {@code FastLstm}.
     */
    public static class Builder extends LSTM.Builder {

        public Builder() {
            activation(Activation.TANH);
        }

        /**
         * DL4J's own {@code LSTM} from these settings (so that constraints and every other setting
         * are resolved exactly as for the stock layer), converted with {@link FastLstm#of(LSTM)}.
         *
         * @throws IllegalArgumentException if the activation is not tanh or the gates not sigmoid
         */
        @Override
        public FastLstm build() {
            return FastLstm.of(super.build());
        }
    }

    @Override
    public boolean isInputGradient() {
        return inputGradient;
    }

    @Override
    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }
}
