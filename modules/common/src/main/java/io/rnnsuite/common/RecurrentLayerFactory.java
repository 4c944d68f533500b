package io.rnnsuite.common;

import java.util.ArrayList;
import java.util.List;
import io.rnnsuite.layers.FastAdam;
import io.rnnsuite.layers.FastBidirectional;
import io.rnnsuite.layers.FastLstm;
import io.rnnsuite.layers.FastRnnOutput;
import io.rnnsuite.layers.FastSimpleRnn;
import io.rnnsuite.layers.Gru;
import io.rnnsuite.layers.MaskedBidirectional;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The one place that turns a {@link RecurrentSpec} into DL4J layers. Every app builds its
 * recurrent part here, so RNN versus LSTM versus GRU (and uni- versus bidirectional, one layer
 * versus a stack, rnn-suite's fast layers versus DL4J's stock ones) is a flag, never a second
 * copy of an app.
 */
public final class RecurrentLayerFactory {

    private RecurrentLayerFactory() {
    }

    /**
     * The shared network defaults: seed, float32, Adam, Xavier initialisation and per-layer L2
     * gradient clipping (the usual cure for exploding gradients in BPTT). Adam is {@link FastAdam}:
     * DL4J's Adam, same settings and state, its step computed in one pass in Java, for stock and
     * fast layers alike.
     *
     * @param seed         makes initialisation and dropout repeatable
     * @param learningRate Adam step size
     * @param clipNorm     clip each layer's gradient to this L2 norm; 0 or less disables clipping
     */
    public static NeuralNetConfiguration.Builder baseConfiguration(long seed, double learningRate, double clipNorm) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new FastAdam(learningRate))
                .weightInit(WeightInit.XAVIER);
        if (clipNorm > 0) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(clipNorm);
        }
        return builder;
    }

    /**
     * The recurrent stack for sequences of {@code nIn} features: {@code spec.layers()} layers of
     * the chosen cell, each wrapped in {@link Bidirectional} (CONCAT) when asked. Every layer
     * emits a sequence of width {@link RecurrentSpec#outputSize()}.
     */
    public static List<Layer> sequenceLayers(RecurrentSpec spec, int nIn) {
        List<Layer> layers = new ArrayList<>(spec.layers());
        for (int i = 0; i < spec.layers(); i++) {
            int layerIn = i == 0 ? nIn : spec.outputSize();
            double dropout = i == 0 ? 0.0 : spec.dropout();
            layers.add(oneLayer(spec, layerIn, dropout));
        }
        return layers;
    }

    /**
     * The per-step output layer behind a recurrent stack of {@code impl}: DL4J's
     * {@link RnnOutputLayer}, or for the fast layers its drop-in {@link FastRnnOutput} (same maths
     * and parameters; it reads the fast layers' time-major output in place). The builder's
     * activation starts as softmax, as DL4J's does.
     */
    public static RnnOutputLayer.Builder sequenceOutput(RecurrentImpl impl, LossFunctions.LossFunction loss) {
        return impl == RecurrentImpl.FAST ? new FastRnnOutput.Builder(loss) : new RnnOutputLayer.Builder(loss);
    }

    /**
     * {@code layers} (from {@link #sequenceLayers} or {@link #sequenceToVectorLayers}) for the start
     * of a {@code MultiLayerNetwork}, reading the network's features: the first layer, when fast,
     * computes no gradient with respect to those features, which DL4J discards
     * ({@link io.rnnsuite.layers.InputGradients}); a stock layer is left as it is. Not for a stack
     * behind an embedding or inside a graph.
     *
     * @return {@code layers}
     */
    public static List<Layer> onNetworkInput(List<Layer> layers) {
        if (!layers.isEmpty()) {
            io.rnnsuite.layers.InputGradients.skipFor(layers.get(0));
        }
        return layers;
    }

    /**
     * The recurrent stack followed by a many-to-one reduction, so that the last element emits one
     * vector of width {@link RecurrentSpec#outputSize()} per sequence (masks respected).
     */
    public static List<Layer> sequenceToVectorLayers(RecurrentSpec spec, int nIn, SequencePooling pooling) {
        List<Layer> layers = sequenceLayers(spec, nIn);
        switch (pooling) {
            case LAST:
                int last = layers.size() - 1;
                layers.set(last, new LastTimeStep(layers.get(last)));
                break;
            case MEAN:
                layers.add(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
                break;
            case MAX:
                layers.add(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
                break;
            default:
                throw new IllegalStateException("unhandled pooling " + pooling);
        }
        return layers;
    }

    private static Layer oneLayer(RecurrentSpec spec, int nIn, double dropout) {
        boolean fast = spec.impl() == RecurrentImpl.FAST;
        Layer cell;
        switch (spec.cell()) {
            case SIMPLE_RNN:
                // the fast builder is DL4J's with another build(): one chain of settings for both
                SimpleRnn.Builder rnn = (fast ? new FastSimpleRnn.Builder() : new SimpleRnn.Builder())
                        .nIn(nIn).nOut(spec.hiddenSize())
                        .activation(Activation.TANH);
                if (dropout > 0) {
                    rnn.dropOut(1.0 - dropout);
                }
                cell = rnn.build();
                break;
            case GRU:
                // RecurrentSpec refuses --impl stock for GRU: DL4J has none
                Gru.Builder gru = new Gru.Builder().nIn(nIn).nOut(spec.hiddenSize());
                if (dropout > 0) {
                    gru.dropOut(1.0 - dropout);
                }
                cell = gru.build();
                break;
            case LSTM:
                LSTM.Builder lstm = (fast ? new FastLstm.Builder() : new LSTM.Builder())
                        .nIn(nIn).nOut(spec.hiddenSize())
                        .activation(Activation.TANH)
                        .gateActivationFunction(Activation.SIGMOID)
                        // forget-gate bias 1: remember by default (Gers et al. 2000; DL4J's default too)
                        .forgetGateBiasInit(1.0);
                if (dropout > 0) {
                    lstm.dropOut(1.0 - dropout);
                }
                cell = lstm.build();
                break;
            default:
                throw new IllegalStateException("unhandled cell " + spec.cell());
        }
        if (!spec.bidirectional()) {
            return cell;
        }
        // DL4J's wrapper with each padded sequence read backwards from its own last real step (DL4J's
        // reverses the padded axis, so its backward LSTM reads the padding first); the fast one
        // does the same without the wrapper's reversed copies
        return fast ? new FastBidirectional(cell) : new MaskedBidirectional(cell);
    }
}
