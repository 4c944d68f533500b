package io.rnnsuite.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A drop-in replacement for DL4J's {@link SimpleRnn} layer configuration,
 * {@code h_t = tanh(x_t W + h_{t-1} RW + b)}: the same maths, the same parameters in the same
 * layout ({@code W [in, H]}, {@code RW [H, H]}, {@code b [1, H]}), computed by
 * {@link FastSimpleRnnLayer}. Build it from a stock configuration:
 * <pre>{@code
 * Layer rnn = FastSimpleRnn.of(new SimpleRnn.Builder().nIn(10).nOut(64).activation(Activation.TANH).build());
 * }</pre>
 * Usable wherever {@link FastLstm} is. A tanh activation and no layer normalisation only.
 */
public class FastSimpleRnn extends SimpleRnn {

    /** For JSON deserialisation; use {@link #of(SimpleRnn)}. */
    public FastSimpleRnn() {
        // SimpleRnn's own no-argument constructor is private; Jackson then sets every field
        super(new SimpleRnn.Builder());
    }

    /** A fast SimpleRnn configured exactly like {@code stock}. */
    public static FastSimpleRnn of(SimpleRnn stock) {
        FastSimpleRnn fast = LayerConfigs.copySettings(stock, new FastSimpleRnn());
        fast.validate();
        return fast;
    }

    private void validate() {
        LayerConfigs.requireTanh(getActivationFn(), "the SimpleRnn activation");
        if (hasLayerNorm()) {
            throw new IllegalArgumentException("the fast SimpleRnn has no layer normalisation"
                    + " (use the stock DL4J layer, --impl stock, for hasLayerNorm(true))");
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
}
