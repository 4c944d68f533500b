package io.rnnsuite.textclf.model;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.textclf.TextClassificationConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The classifier network: learned word embeddings ({@link EmbeddingSequenceLayer}) → the recurrent
 * stack and many-to-one pooling from {@link RecurrentLayerFactory} → softmax over the classes.
 */
public final class TextClassifierNetwork {

    private TextClassifierNetwork() {
    }

    /** An initialised network for {@code vocabularySize} token indices and {@code numClasses} classes. */
    public static MultiLayerNetwork build(TextClassificationConfig config, int vocabularySize, int numClasses) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(config.training().seed(), config.training().learningRate(), config.training().clipNorm())
                .list();
        list.layer(new EmbeddingSequenceLayer.Builder()
                .nIn(vocabularySize).nOut(config.embeddingSize())
                .hasBias(false)
                .build());
        for (Layer layer : RecurrentLayerFactory.sequenceToVectorLayers(config.recurrent(), config.embeddingSize(),
                config.pooling())) {
            list.layer(layer);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                .nIn(config.recurrent().outputSize()).nOut(numClasses)
                .build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
