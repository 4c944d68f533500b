package io.rnnsuite.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A drop-in replacement for DL4J's {@link RnnOutputLayer} configuration (a dense layer applied at
 * every time step, then the loss): the same maths and parameters, computed by
 * {@link FastRnnOutputLayer} on the time-major rows the fast recurrent layers produce, so that the
 * 3-d ↔ 2-d copies DL4J's layer makes on every training step (its input twice, its input
 * gradient once) disappear and its three matrix products share the two cores like the recurrent
 * layers' ({@link RowSplit}). Build it like the stock one:
 * <pre>{@code
 * Layer out = new FastRnnOutput.Builder(LossFunctions.LossFunction.MCXENT)
 *         .activation(Activation.SOFTMAX).nIn(128).nOut(vocabulary).build();
 * }</pre>
 * or convert a stock configuration with {@link #of(RnnOutputLayer)}. Behind a layer that is not
 * a fast one it copies its input into time-major rows itself; with dropout on its input it
 * computes exactly as DL4J's layer does. It is an {@code RnnOutputLayer} for everything that
 * looks for one (the steppers, {@link FastForward}, DL4J's evaluation), and a saved model keeps
 * its class name.
 */
public class FastRnnOutput extends RnnOutputLayer {

    /** For JSON deserialisation; use {@link Builder} or {@link #of(RnnOutputLayer)}. */
    public FastRnnOutput() {
        super();
    }

    /** A fast output layer configured exactly like {@code stock} (which is left unchanged). */
    public static FastRnnOutput of(RnnOutputLayer stock) {
        RnnOutputLayer source = (RnnOutputLayer) stock.clone();
        FastRnnOutput fast = LayerConfigs.copyFeedForwardSettings(source, new FastRnnOutput());
        // BaseOutputLayer
        fast.setLossFn(source.getLossFn());
        fast.setHasBias(source.hasBias());
        // RnnOutputLayer
        fast.setRnnDataFormat(source.getRnnDataFormat());
        return fast;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastRnnOutput", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerConfigs.wire(new FastRnnOutputLayer(conf, networkDataType), initializer(), conf, trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    /**
     * DL4J's {@code RnnOutputLayer.Builder} with every setting it has (loss, activation, sizes,
     * bias, initialisation, updater, dropout, constraints, data format, ...), building a
     * {@link FastRnnOutput}. As in DL4J the activation starts as softmax. The fluent setters are
     * DL4J's, so a chain's {@code build()} has the static type {@code RnnOutputLayer}; the object is
     * a {@code FastRnnOutput}.
     */
    public static class Builder extends RnnOutputLayer.Builder {

        public Builder() {
            super();
        }

        public Builder(LossFunctions.LossFunction lossFunction) {
            super(lossFunction);
        }

        public Builder(ILossFunction lossFunction) {
            super(lossFunction);
        }

        /** DL4J's own {@code RnnOutputLayer} from these settings, converted with {@link FastRnnOutput#of}. */
        @Override
        public FastRnnOutput build() {
            return FastRnnOutput.of(super.build());
        }
    }
}
