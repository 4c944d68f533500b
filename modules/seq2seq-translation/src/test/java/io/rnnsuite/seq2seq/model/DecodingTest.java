package io.rnnsuite.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TinyModels;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Step-by-step decoding agrees with the full graph, stops where it must, and beam 1 is greedy. */
class DecodingTest {

    private static final List<String> SENTENCES = List.of("three hundred forty-two", "seven", "eleven", "ninety-nine",
            "two thousand six");

    @ParameterizedTest
    @CsvSource({"LSTM,false", "LSTM,true", "SIMPLE_RNN,false"})
    void stepGraphReproducesTeacherForcedOutput(CellType cell, boolean attention) {
        Translator translator = TinyModels.trained(cell, attention).translator();
        SequenceCodec codec = translator.codec();
        MultiDataSet example = codec.example(new SentencePair("three hundred forty-two", "trois cent quarante-deux"));
        INDArray full = translator.graph().output(false, example.getFeatures(), example.getFeaturesMaskArrays())[0];
        // feed the same decoder inputs one step at a time
        List<Integer> teacher = new ArrayList<>();
        INDArray decoderInput = example.getFeatures(1);
        int steps = example.getFeaturesMaskArray(1).sumNumber().intValue();
        for (int t = 0; t < steps; t++) {
            teacher.add(decoderInput.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(t)).argMax().getInt(0));
        }
        INDArray stepped = translator.teacherForcedSteps("three hundred forty-two", teacher);
        for (int t = 0; t < teacher.size(); t++) {
            INDArray expected = full.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(t));
            assertArrayEquals(expected.toFloatVector(), stepped.getRow(t).toFloatVector(), 1e-4f, "step " + t);
        }
    }

    @ParameterizedTest
    @CsvSource({"LSTM,false", "LSTM,true"})
    void beamWidthOneEqualsGreedy(CellType cell, boolean attention) {
        Translator translator = TinyModels.trained(cell, attention).translator();
        List<Translation> greedy = translator.translate(SENTENCES, 1);
        for (int i = 0; i < SENTENCES.size(); i++) {
            Translation beam = translator.beamSearch(SENTENCES.get(i), 1);
            assertEquals(greedy.get(i).tokens(), beam.tokens(), SENTENCES.get(i));
            assertEquals(greedy.get(i).logProbability(), beam.logProbability(), 1e-4);
        }
        // a wider beam returns a finished hypothesis (ending in EOS) or one cut at the limit
        int eos = translator.codec().eosIndex();
        for (String sentence : SENTENCES) {
            Translation wide = translator.beamSearch(sentence, 3);
            assertTrue(wide.reachedLimit() || wide.tokens().get(wide.tokens().size() - 1) == eos, sentence);
        }
    }

    @ParameterizedTest
    @CsvSource({"LSTM,false", "LSTM,true"})
    void decodingStopsAtEosOrAtTheLengthLimit(CellType cell, boolean attention) {
        Translator translator = TinyModels.trained(cell, attention).translator();
        TranslationConfig config = translator.config();
        int eos = translator.codec().eosIndex();
        for (Translation t : translator.translate(SENTENCES, 1)) {
            assertTrue(t.tokens().size() <= config.maxTargetLength() + 1);
            if (t.reachedLimit()) {
                assertEquals(config.maxTargetLength(), t.tokens().size());
                assertTrue(!t.tokens().contains(eos));
            } else {
                assertEquals(eos, t.tokens().get(t.tokens().size() - 1));
                assertEquals(1, t.tokens().stream().filter(x -> x == eos).count());
            }
        }
        // a limit of 2 tokens: an untrained-enough model must be cut there, never run on
        Translator short2 = new Translator(config.withMaxLengths(config.maxSourceLength(), 2), codecWithLimit(translator.codec(), 2),
                translator.graph());
        for (Translation t : short2.translate(SENTENCES, 1)) {
            assertTrue(t.tokens().size() <= 3);
            assertTrue(t.text().length() <= 2, t.text());
        }
        for (String sentence : SENTENCES) {
            Translation beam = short2.beamSearch(sentence, 3);
            assertTrue(beam.text().length() <= 2, beam.text());
            assertTrue(beam.reachedLimit() || beam.tokens().get(beam.tokens().size() - 1) == eos);
        }
    }

    private static SequenceCodec codecWithLimit(SequenceCodec codec, int maxTarget) {
        return new SequenceCodec(codec.tokenization(), codec.sourceVocabulary(), codec.targetVocabulary(),
                codec.maxSourceLength(), maxTarget, codec.padsToMaximum());
    }
}
