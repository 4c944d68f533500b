package io.rnnsuite.charlm.model;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.train.TrainingConfig;
import java.util.List;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The character model: one-hot characters → the recurrent stack from common's
 * {@link RecurrentLayerFactory} → a softmax over the vocabulary at every step (cross-entropy
 * loss), trained with truncated BPTT.
 */
public final class CharLmNetworks {

    private CharLmNetworks() {
    }

    /** A new, initialised network for a vocabulary of {@code vocabularySize} symbols. */
    public static MultiLayerNetwork create(CharLmConfig config, int vocabularySize, TrainingConfig training) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(training.seed(), training.learningRate(), training.clipNorm())
                .list();
        List<Layer> recurrent = RecurrentLayerFactory.onNetworkInput(
                RecurrentLayerFactory.sequenceLayers(config.recurrentSpec(), vocabularySize));
        for (Layer layer : recurrent) {
            list.layer(layer);
        }
        list.layer(RecurrentLayerFactory.sequenceOutput(config.recurrentSpec().impl(), LossFunctions.LossFunction.MCXENT)
                .nIn(config.recurrentSpec().outputSize()).nOut(vocabularySize)
                .activation(Activation.SOFTMAX).build());
        list.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(config.tbpttLength())
                .tBPTTBackwardLength(config.tbpttLength());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
