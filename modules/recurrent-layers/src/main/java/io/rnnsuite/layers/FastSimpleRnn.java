package io.rnnsuite.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A drop-in replacement for DL4J's {@link SimpleRnn} layer configuration,
 * {@code h_t = tanh(x_t W + h_{t-1} RW + b)}: the same maths, the same parameters in the same
 * layout ({@code W [in, H]}, {@code RW [H, H]}, {@code b [1, H]}), computed by
 * {@link FastSimpleRnnLayer}. Build it like the stock one, with {@link Builder} in place of
 * {@code SimpleRnn.Builder}:
 * <pre>{@code
 * Layer rnn = new FastSimpleRnn.Builder().nIn(10).nOut(64).build();
 * }</pre>
 * or convert a stock configuration with {@link #of(SimpleRnn)}. Usable wherever {@link FastLstm}
 * is. A tanh activation and no layer normalisation only.
 */
public class FastSimpleRnn extends SimpleRnn implements InputGradients.Switch {

    /** See {@link InputGradients}; true unless switched off for a network's first layer. */
    private boolean inputGradient = true;

    /** For JSON deserialisation; use {@link Builder} or {@link #of(SimpleRnn)}. */
    public FastSimpleRnn() {
        // SimpleRnn's own no-argument constructor is private; Jackson then sets every property
        super(new SimpleRnn.Builder());
    }

    /** DL4J's own {@code SimpleRnn(Builder)} constructor: every setting as the stock layer takes it. */
    protected FastSimpleRnn(Builder builder) {
        super(builder);
    }

    /**
     * A fast SimpleRnn configured exactly like {@code stock} (which is left unchanged).
     *
     * @throws IllegalArgumentException if the activation is not tanh or layer normalisation is on
     */
    public static FastSimpleRnn of(SimpleRnn stock) {
        SimpleRnn source = (SimpleRnn) stock.clone();
        FastSimpleRnn fast = LayerConfigs.copyRecurrentSettings(source, new FastSimpleRnn());
        fast.setHasLayerNorm(source.hasLayerNorm());
        fast.validate();
        return fast;
    }

    private void validate() {
        LayerConfigs.requireTanh(getActivationFn(), "the SimpleRnn activation");
        if (hasLayerNorm()) {
            throw new IllegalArgumentException("the fast SimpleRnn has no layer normalisation"
                    + " (DL4J's stock layer, --impl stock in the rnn-suite apps, has hasLayerNorm(true))");
        }
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastSimpleRnn", getLayerName(), layerIndex, getNIn(), getNOut());
        validate();
        return LayerConfigs.wire(new FastSimpleRnnLayer(conf, networkDataType), initializer(), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    /**
     * DL4J's {@code SimpleRnn.Builder} with every setting it has, building a {@link FastSimpleRnn}
     * through {@code SimpleRnn}'s own constructor (nothing is copied). The activation starts as
     * tanh, the only one the layer computes (stock SimpleRnn would take the network's default,
     * sigmoid). The fluent setters are {@code SimpleRnn.Builder}'s, so a chain's {@code build()}
     * has the static type {@code SimpleRnn}; the object is a {@code FastSimpleRnn}.
     */
    public static class Builder extends SimpleRnn.Builder {

        public Builder() {
            activation(Activation.TANH);
        }

        /** @throws IllegalArgumentException if the activation is not tanh or layer normalisation is on */
        @Override
        public FastSimpleRnn build() {
            FastSimpleRnn fast = new FastSimpleRnn(this);
            fast.validate();
            return fast;
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
