package io.rnnsuite.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TinyModels;
import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Greedy decoding, beam search and teacher-forced steps through the fast decoder stepper give what
 * the step graph's {@code rnnTimeStep} gives: the same tokens, log-probabilities within 1e-4.
 */
class StepperDecodingTest {

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "GRU"})
    void theStepperDecodesLikeTheStepGraph(CellType cell) {
        Translator translator = TinyModels.trained(cell, false).translator();
        SequenceCodec codec = translator.codec();
        ComputationGraph stepGraph = Seq2SeqGraphs.step(translator.config(), codec.targetVocabulary().size());
        Seq2SeqGraphs.copyDecoderParameters(translator.graph(), stepGraph);
        StepDecoder fast = new StepDecoder(stepGraph, codec, false, true);
        StepDecoder reference = new StepDecoder(stepGraph, codec, false, false);
        assertTrue(fast.stepsWithoutDl4j(), "the fast layers' decoder has a stepper");
        assertFalse(reference.stepsWithoutDl4j());
        assertTrue(translator.decoder().stepsWithoutDl4j(), "the translator decodes through the stepper");

        // a group of equally long sources, decoded together, and one sentence alone
        List<int[]> group = new ArrayList<>();
        for (SentencePair pair : TinyModels.numbers().load(translator.config().training().seed())) {
            try {
                int[] source = codec.encodeSource(pair.source());
                if (group.isEmpty() || source.length == group.get(0).length) {
                    group.add(source);
                }
            } catch (UserInputException e) {
                // too long for the model or holding an unseen character
            }
            if (group.size() == 4) {
                break;
            }
        }
        assertTrue(group.size() >= 2, "too few sentences of one length: " + group.size());
        for (List<int[]> sources : List.of(group, group.subList(0, 1))) {
            EncodedSource encoded = translator.encode(sources);
            assertSame(reference.greedy(encoded), fast.greedy(encoded), "greedy, " + sources.size() + " sentence(s)");
            for (int width : new int[] {2, 4}) {
                assertSame(reference.beam(encoded, width, 1.0), fast.beam(encoded, width, 1.0),
                        "beam " + width + ", " + sources.size() + " sentence(s)");
            }
        }
        EncodedSource one = translator.encode(group.subList(0, 1));
        List<Integer> inputs = List.of(codec.bosIndex(), 3, 5, 4);
        INDArray a = reference.teacherForced(one, inputs);
        INDArray b = fast.teacherForced(one, inputs);
        assertEquals(0.0, a.sub(b).amaxNumber().doubleValue(), 1e-5, "teacher-forced steps");
    }

    private static void assertSame(List<Translation> expected, List<Translation> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).tokens(), actual.get(i).tokens(), what + ", sentence " + i);
            assertEquals(expected.get(i).logProbability(), actual.get(i).logProbability(), 1e-4, what + ", sentence " + i);
            assertEquals(expected.get(i).reachedLimit(), actual.get(i).reachedLimit(), what + ", sentence " + i);
        }
    }
}
