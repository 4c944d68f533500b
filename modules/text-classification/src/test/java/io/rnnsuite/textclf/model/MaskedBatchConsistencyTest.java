package io.rnnsuite.textclf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextEncoder;
import io.rnnsuite.textclf.embedding.EmbeddingSource;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The trap DL4J users report (deeplearning4j#7115, #5982): a short sequence padded inside a batch
 * of longer ones must give the same probabilities as the sequence alone. Checked for every cell,
 * direction, depth, pooling and implementation the app accepts, with every parameter non-zero as
 * after training (freshly built networks have zero biases, and with zero biases an LSTM's state
 * stays zero through padding, which hid a backward direction that read the padding first); the
 * one combination DL4J gets wrong is refused by the configuration, and a test pins that DL4J
 * still gets it wrong (so the refusal can go when a DL4J upgrade fixes it).
 */
class MaskedBatchConsistencyTest {

    private static final int[] SHORT_TEXT = {5, 9, 2};
    private static final List<int[]> PADDED_BATCH =
            List.of(new int[] {4, 4, 7, 8, 9, 10, 11}, SHORT_TEXT, new int[] {3, 12, 13, 14, 15});

    static Stream<Arguments> acceptedVariants() {
        return Stream.of(CellType.SIMPLE_RNN, CellType.LSTM, CellType.GRU).flatMap(cell -> Stream.of(false, true)
                .flatMap(bi -> Stream.of(1, 2).flatMap(layers -> Stream.of(SequencePooling.values())
                        .filter(p -> !TextClassificationConfig.hasStackedBidirectionalPoolingBug(
                                new RecurrentSpec(cell, 8, layers, bi, 0.0), p))
                        .flatMap(pooling -> Stream.of(RecurrentImpl.values())
                                // DL4J has no GRU; RecurrentSpec refuses the combination
                                .filter(impl -> cell != CellType.GRU || impl == RecurrentImpl.FAST)
                                .map(impl -> Arguments.of(cell, bi, layers, pooling, impl))))));
    }

    @ParameterizedTest(name = "{0} bidirectional={1} layers={2} pooling={3} impl={4}")
    @MethodSource("acceptedVariants")
    void paddedSequenceGivesTheSameProbabilitiesAsAlone(CellType cell, boolean bidirectional, int layers,
                                                        SequencePooling pooling, RecurrentImpl impl) {
        RecurrentSpec spec = new RecurrentSpec(cell, 8, layers, bidirectional, 0.0, impl);
        MultiLayerNetwork net = TextClassifierNetwork.build(
                TextClassificationConfig.defaults().withRecurrent(spec, pooling), 30, 3);
        asAfterTraining(net);
        double[] alone = aloneProbabilities(net);
        double[] padded = paddedProbabilities(net);
        for (int c = 0; c < alone.length; c++) {
            assertEquals(alone[c], padded[c], 1e-5, "class " + c);
        }
    }

    /** Every parameter drawn at random (biases included), so that padding read by mistake shows. */
    static void asAfterTraining(MultiLayerNetwork net) {
        Nd4j.getRandom().setSeed(17);
        net.setParams(Nd4j.randn(net.params().dataType(), 1, net.numParams()).muli(0.5));
    }

    /** A frozen embedding layer is wrapped in FrozenLayerWithBackprop: the wrapper must pass the mask on. */
    @ParameterizedTest(name = "frozen embeddings, bidirectional LSTM, pooling={0}")
    @MethodSource("poolings")
    void frozenEmbeddingsKeepTheMask(SequencePooling pooling) {
        RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, 8, 1, true, 0.0);
        MultiLayerNetwork net = TextClassifierNetwork.build(TextClassificationConfig.defaults().withRecurrent(spec, pooling)
                .withEmbeddings(new EmbeddingSource(EmbeddingSource.Kind.WORD2VEC, null, true)), 30, 3);
        asAfterTraining(net);
        double[] alone = aloneProbabilities(net);
        double[] padded = paddedProbabilities(net);
        for (int c = 0; c < alone.length; c++) {
            assertEquals(alone[c], padded[c], 1e-5, "class " + c);
        }
    }

    static Stream<SequencePooling> poolings() {
        return Stream.of(SequencePooling.values());
    }

    @Test
    void stackedBidirectionalWithPoolingIsRefused() {
        RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, 8, 2, true, 0.0);
        UserInputException e = assertThrows(UserInputException.class,
                () -> TextClassificationConfig.defaults().withRecurrent(spec, SequencePooling.MEAN));
        assertTrue(e.getMessage().contains("--pooling last"), e.getMessage());
    }

    /** Documents the DL4J 1.0.0-M2.1 defect behind the refusal; fails (and can go) once DL4J is fixed. */
    @Test
    void dl4jStillMisMasksStackedBidirectionalWithMeanPooling() {
        RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, 8, 2, true, 0.0);
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(42, 0.01, 0).list();
        list.layer(new EmbeddingSequenceLayer.Builder().nIn(30).nOut(8).hasBias(false).build());
        for (Layer layer : RecurrentLayerFactory.sequenceToVectorLayers(spec, 8, SequencePooling.MEAN)) {
            list.layer(layer);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .nIn(16).nOut(3).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        double[] alone = aloneProbabilities(net);
        double[] padded = paddedProbabilities(net);
        double worst = 0;
        for (int c = 0; c < alone.length; c++) {
            worst = Math.max(worst, Math.abs(alone[c] - padded[c]));
        }
        assertTrue(worst > 1e-5, "DL4J now masks stacked Bidirectional + pooling correctly: drop the refusal");
    }

    private static double[] aloneProbabilities(MultiLayerNetwork net) {
        TextEncoder.Batch alone = TextEncoder.batch(List.of(SHORT_TEXT));
        return net.output(alone.features(), false, alone.mask(), null).toDoubleVector();
    }

    private static double[] paddedProbabilities(MultiLayerNetwork net) {
        TextEncoder.Batch padded = TextEncoder.batch(PADDED_BATCH);
        INDArray out = net.output(padded.features(), false, padded.mask(), null);
        return out.getRow(1).toDoubleVector();
    }
}
