package io.rnnsuite.textclf.model;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.textclf.TextClassificationConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The classifier network: word embeddings ({@link EmbeddingSequenceLayer}, learned or started from
 * pretrained vectors with {@link #setEmbeddings}, optionally frozen) → the recurrent
 * stack and many-to-one pooling from {@link RecurrentLayerFactory} → softmax over the classes.
 */
public final class TextClassifierNetwork {

    private TextClassifierNetwork() {
    }

    /** Parameter key of the embedding matrix ({@code [vocabulary size, embedding size]}) in layer 0. */
    public static final String EMBEDDING_WEIGHTS = DefaultParamInitializer.WEIGHT_KEY;

    /** An initialised network for {@code vocabularySize} token indices and {@code numClasses} classes. */
    public static MultiLayerNetwork build(TextClassificationConfig config, int vocabularySize, int numClasses) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(config.training().seed(), config.training().learningRate(), config.training().clipNorm())
                .list();
        EmbeddingSequenceLayer.Builder embedding = new EmbeddingSequenceLayer.Builder()
                .nIn(vocabularySize).nOut(config.embeddingSize())
                .hasBias(false);
        // frozen: DL4J's NoOp updater still subtracts the raw gradient (measured), so wrap the layer instead
        list.layer(config.embeddings().frozen() ? new FrozenLayerWithBackprop(embedding.build()) : embedding.build());
        for (Layer layer : RecurrentLayerFactory.sequenceToVectorLayers(config.recurrent(), config.embeddingSize(),
                config.effectivePooling())) {
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

    /** Overwrites the embedding layer's weights with {@code weights} ({@code [vocabulary size, embedding size]}). */
    public static void setEmbeddings(MultiLayerNetwork network, INDArray weights) {
        INDArray current = network.getLayer(0).getParam(EMBEDDING_WEIGHTS);
        if (!java.util.Arrays.equals(current.shape(), weights.shape())) {
            throw new IllegalArgumentException("embedding weights " + java.util.Arrays.toString(weights.shape())
                    + " do not fit the layer's " + java.util.Arrays.toString(current.shape()));
        }
        current.assign(weights);
    }
}
