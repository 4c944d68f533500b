package io.rnnsuite.speech.model;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.ctc.CtcLoss;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The two speech networks, both from {@link RecurrentLayerFactory}: isolated words = the recurrent
 * stack over the frames → mean over the unmasked frames → softmax over the words; connected digits
 * = the recurrent stack → a softmax over blank + ten digits at every frame, trained with {@link CtcLoss}.
 */
public final class SpeechNetwork {

    /** CTC classes: the blank and the ten digits. */
    public static final int CTC_CLASSES = 11;

    private SpeechNetwork() {
    }

    /** Units of both hidden layers of {@link #frameContextCtc}. */
    public static final int CONTEXT_HIDDEN = 64;
    /** Frames either side of a frame that {@link #stackContext} puts beside it: 10 (100 ms). */
    public static final int CONTEXT_REACH = 10;
    /** Every second frame of the reach is stacked (the deltas already describe the frames between). */
    public static final int CONTEXT_STRIDE = 2;

    /** Frames in one stacked context: 11. */
    public static int contextFrames() {
        return 2 * (CONTEXT_REACH / CONTEXT_STRIDE) + 1;
    }

    /**
     * Each frame with the frames at −10, −8, …, +10 of it (zeros beyond the utterance's ends),
     * {@code [frames][11 × dimension]}: the input of {@link #frameContextCtc}.
     */
    public static float[][] stackContext(float[][] frames) {
        int d = frames[0].length;
        int window = contextFrames();
        float[][] out = new float[frames.length][window * d];
        for (int t = 0; t < frames.length; t++) {
            for (int w = 0; w < window; w++) {
                int source = t - CONTEXT_REACH + w * CONTEXT_STRIDE;
                if (source >= 0 && source < frames.length) {
                    System.arraycopy(frames[source], 0, out[t], w * d, d);
                }
            }
        }
        return out;
    }

    /**
     * The non-recurrent network for digit strings: at every frame, the same two-layer perceptron
     * ({@value #CONTEXT_HIDDEN} ReLU units, twice) on the frame's stacked context ({@link #stackContext}:
     * 210 ms) → a softmax over blank + ten digits, trained with {@link CtcLoss}. A frame's output
     * depends only on its context window; nothing is carried from one frame to the next, and since each
     * window is stacked from its own utterance, padding a batch changes nothing.
     */
    public static MultiLayerNetwork frameContextCtc(SpeechConfig config, int stackedSize) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(config.training().seed(), config.training().learningRate(), config.training().clipNorm())
                .list();
        list.layer(new DenseLayer.Builder().nIn(stackedSize).nOut(CONTEXT_HIDDEN).activation(Activation.RELU).build());
        list.layer(new DenseLayer.Builder().nIn(CONTEXT_HIDDEN).nOut(CONTEXT_HIDDEN).activation(Activation.RELU).build());
        list.layer(new RnnOutputLayer.Builder().lossFunction(new CtcLoss()).activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW).nIn(CONTEXT_HIDDEN).nOut(CTC_CLASSES).build());
        list.setInputType(InputType.recurrent(stackedSize, RNNFormat.NCW));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    public static MultiLayerNetwork build(SpeechConfig config, int featureSize, int classes) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(config.training().seed(), config.training().learningRate(), config.training().clipNorm())
                .list();
        if (config.ctc()) {
            for (Layer layer : RecurrentLayerFactory.onNetworkInput(RecurrentLayerFactory.sequenceLayers(config.recurrent(), featureSize))) {
                list.layer(layer);
            }
            // NCW stated: with a bidirectional layer before it the layer would otherwise not know its time axis
            list.layer(new RnnOutputLayer.Builder().lossFunction(new CtcLoss()).activation(Activation.SOFTMAX)
                    .dataFormat(RNNFormat.NCW)
                    .nIn(config.recurrent().outputSize()).nOut(CTC_CLASSES).build());
        } else {
            // mean over frames: every frame of a word counts, and the mask keeps padding out
            for (Layer layer : RecurrentLayerFactory.onNetworkInput(
                    RecurrentLayerFactory.sequenceToVectorLayers(config.recurrent(), featureSize, SequencePooling.MEAN))) {
                list.layer(layer);
            }
            list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                    .nIn(config.recurrent().outputSize()).nOut(classes).build());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
