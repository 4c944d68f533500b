package io.rnnsuite.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.seq2seq.TinyModels;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A bidirectional encoder reads a source padded in a batch (or padded to the maximum length, as
 * attention models are) exactly as it reads it alone: the same outputs on its real steps and the
 * same last step, with every parameter non-zero as after training, fast and stock layers.
 */
class PaddedEncoderTest {

    private static final int SOURCE_VOCABULARY = 10;
    private static final int TARGET_VOCABULARY = 8;
    private static final List<int[]> SOURCES = List.of(new int[] {3, 5, 7, 2, 4, 9}, new int[] {6, 1, 2});

    @ParameterizedTest
    @EnumSource(RecurrentImpl.class)
    void aPaddedSourceGetsTheEncoderOutputsItGetsAlone(RecurrentImpl impl) {
        TranslationConfig config = TinyModels.config(CellType.LSTM, false)
                .withEncoder(new RecurrentSpec(CellType.LSTM, 6, 2, true, 0.0, impl), false);
        ComputationGraph graph = Seq2SeqGraphs.training(config, SOURCE_VOCABULARY, TARGET_VOCABULARY);
        Nd4j.getRandom().setSeed(29);
        graph.setParams(Nd4j.randn(DataType.FLOAT, 1, graph.numParams()).muli(0.5));

        int padded = 8;
        Map<String, INDArray> batch = encode(graph, SOURCES, padded);
        for (int b = 0; b < SOURCES.size(); b++) {
            int length = SOURCES.get(b).length;
            Map<String, INDArray> alone = encode(graph, List.of(SOURCES.get(b)), length);
            INDArray batchOutputs = batch.get(Seq2SeqGraphs.lastEncoderLayer(config))
                    .get(NDArrayIndex.interval(b, b + 1), NDArrayIndex.all(), NDArrayIndex.interval(0, length));
            double outputs = maxAbsDifference(alone.get(Seq2SeqGraphs.lastEncoderLayer(config)), batchOutputs);
            assertTrue(outputs < 1e-5, impl + " source " + b + ": encoder outputs differ by " + outputs);
            double last = maxAbsDifference(alone.get(Seq2SeqGraphs.ENCODER_LAST),
                    batch.get(Seq2SeqGraphs.ENCODER_LAST).getRow(b, true));
            assertTrue(last < 1e-5, impl + " source " + b + ": encoder's last step differs by " + last);
        }
    }

    /** The training graph's activations for {@code sources} padded to {@code steps} (a BOS-only decoder input). */
    private static Map<String, INDArray> encode(ComputationGraph graph, List<int[]> sources, int steps) {
        List<int[]> bos = sources.stream().map(s -> new int[] {1}).toList();
        graph.setLayerMaskArrays(new INDArray[] {SequenceCodec.mask(sources, steps), SequenceCodec.mask(bos, 1)}, null);
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {
            SequenceCodec.oneHot(sources, SOURCE_VOCABULARY, steps), SequenceCodec.oneHot(bos, TARGET_VOCABULARY, 1)},
                false, false);
        graph.clearLayerMaskArrays();
        return activations;
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
