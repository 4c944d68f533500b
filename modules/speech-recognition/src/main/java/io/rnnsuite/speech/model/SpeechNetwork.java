package io.rnnsuite.speech.model;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.ctc.CtcLoss;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
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

    /** Channels of both layers of {@link #convolutionalCtc}. */
    public static final int CONVOLUTION_CHANNELS = 64;
    /** Frames the convolution of {@link #convolutionalCtc} spans: 10 either side of a frame (210 ms in all). */
    public static final int CONVOLUTION_KERNEL = 21;

    /**
     * The non-recurrent network for digit strings, a time-delay network: a 1-D convolution over time
     * ({@value #CONVOLUTION_KERNEL} frames, {@value #CONVOLUTION_CHANNELS} ReLU channels, output as long as
     * the input) → a per-frame hidden layer ({@value #CONVOLUTION_CHANNELS} ReLU, a convolution of width 1)
     * → a softmax over blank + ten digits at every frame, trained with {@link CtcLoss}. Each output frame
     * depends only on the frames within 10 of it; nothing is carried from one frame to the next. (One wide
     * convolution then width 1, not two wide ones: DL4J widens a convolution's mask by its reach, so a
     * second wide layer would read the first one's output over padding, and padded batches would differ
     * from single utterances.)
     */
    public static MultiLayerNetwork convolutionalCtc(SpeechConfig config, int featureSize) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(config.training().seed(), config.training().learningRate(), config.training().clipNorm())
                .list();
        list.layer(new Convolution1DLayer.Builder().nIn(featureSize).nOut(CONVOLUTION_CHANNELS).kernelSize(CONVOLUTION_KERNEL)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).rnnDataFormat(RNNFormat.NCW).build());
        list.layer(new Convolution1DLayer.Builder().nIn(CONVOLUTION_CHANNELS).nOut(CONVOLUTION_CHANNELS).kernelSize(1)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).rnnDataFormat(RNNFormat.NCW).build());
        list.layer(new RnnOutputLayer.Builder().lossFunction(new CtcLoss()).activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW).nIn(CONVOLUTION_CHANNELS).nOut(CTC_CLASSES).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    public static MultiLayerNetwork build(SpeechConfig config, int featureSize, int classes) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(config.training().seed(), config.training().learningRate(), config.training().clipNorm())
                .list();
        if (config.ctc()) {
            for (Layer layer : RecurrentLayerFactory.sequenceLayers(config.recurrent(), featureSize)) {
                list.layer(layer);
            }
            // NCW stated: with a bidirectional layer before it the layer would otherwise not know its time axis
            list.layer(new RnnOutputLayer.Builder().lossFunction(new CtcLoss()).activation(Activation.SOFTMAX)
                    .dataFormat(RNNFormat.NCW)
                    .nIn(config.recurrent().outputSize()).nOut(CTC_CLASSES).build());
        } else {
            // mean over frames: every frame of a word counts, and the mask keeps padding out
            for (Layer layer : RecurrentLayerFactory.sequenceToVectorLayers(config.recurrent(), featureSize, SequencePooling.MEAN)) {
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
