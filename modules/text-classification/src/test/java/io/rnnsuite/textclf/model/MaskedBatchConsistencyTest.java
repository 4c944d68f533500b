package io.rnnsuite.textclf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextEncoder;
import io.rnnsuite.textclf.embedding.EmbeddingSource;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trap DL4J users report (deeplearning4j#7115, #5982): a short sequence padded inside a batch
 * of longer ones must give the same probabilities as the sequence alone. Checked for every cell,
 * direction, depth, pooling and implementation the app accepts, with every parameter non-zero as
 * after training (freshly built networks have zero biases, and with zero biases an LSTM's state
 * stays zero through padding, which hid a backward direction that read the padding first).
 * Stacked bidirectional layers with mean or max pooling are included: reversing the padded axis got
 * them wrong even untrained (the layer below feeds non-zero padding up); reading each sequence back
 * from its own last real step does not.
 */
class MaskedBatchConsistencyTest {

    private static final int[] SHORT_TEXT = {5, 9, 2};
    private static final List<int[]> PADDED_BATCH =
            List.of(new int[] {4, 4, 7, 8, 9, 10, 11}, SHORT_TEXT, new int[] {3, 12, 13, 14, 15});

    static Stream<Arguments> acceptedVariants() {
        return Stream.of(CellType.SIMPLE_RNN, CellType.LSTM, CellType.GRU).flatMap(cell -> Stream.of(false, true)
                .flatMap(bi -> Stream.of(1, 2).flatMap(layers -> Stream.of(SequencePooling.values())
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
