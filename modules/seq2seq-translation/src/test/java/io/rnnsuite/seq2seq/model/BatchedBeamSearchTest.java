package io.rnnsuite.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TinyModels;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Beam search over whole groups of sentences gives what decoding one sentence at a time gives
 * ({@link PerSentenceBeamSearch}): the same tokens, log-probabilities within 1e-5, the same
 * length-limit flags, for widths 1 to 5 and several length penalties, with and without attention,
 * on sentences cut at the length limit and (with the model nudged towards EOS) sentences that finish.
 */
class BatchedBeamSearchTest {

    /** Sentences compared per model; {@code -Dseq2seq.beam.sentences=N} checks more (at most those the data has). */
    private static final int SENTENCES = Integer.getInteger("seq2seq.beam.sentences", 10);
    /** Length penalty used with beam width {@code w}: index {@code w - 1}. */
    private static final double[] PENALTIES = {1.0, 0.0, 2.0, 0.5, 1.0};
    private static final int TARGET_LIMIT = 8;
    private static final int SHORT_LIMIT = 5;
    /** Added to the output layer's EOS bias so that the briefly trained model finishes some hypotheses early. */
    private static final double EOS_BOOST = 2.0;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void batchedBeamEqualsPerSentenceBeam(boolean attention) {
        Translator trained = TinyModels.trained(CellType.LSTM, attention).translator();
        List<String> sentences = sentences(trained, SENTENCES);
        int[] outcomes = new int[2]; // cut at the limit, finished with EOS
        for (Translator translator : List.of(withTargetLimit(trained, trained.graph(), TARGET_LIMIT),
                eosBoosted(trained, TARGET_LIMIT))) {
            for (int width = 1; width <= 5; width++) {
                compareGroups(translator, sentences, width, PENALTIES[width - 1], outcomes);
            }
        }
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0,
                "both outcomes should be exercised: cut " + outcomes[0] + ", finished " + outcomes[1]);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void translateDecodesLargeGroupsInSeveralPassesWithTheSameResults(boolean attention) {
        Translator translator = TinyModels.trained(CellType.LSTM, attention).translator();
        Translator limited = withTargetLimit(translator, translator.graph(), SHORT_LIMIT);
        List<String> distinct = sentences(limited, 6);
        // one source length shared by more sentences than one beam pass takes
        List<String> sentences = new ArrayList<>(distinct);
        for (int i = 0; i < 70; i++) {
            sentences.add(distinct.get(i % 2));
        }
        List<Translation> translated = limited.translate(sentences, 3);
        Map<String, Translation> reference = new HashMap<>();
        for (String sentence : new LinkedHashSet<>(sentences)) {
            EncodedSource encoded = limited.encode(List.of(limited.codec().encodeSource(sentence)));
            reference.put(sentence, PerSentenceBeamSearch.beam(limited.decoder(), limited.codec(), encoded, 0, 3,
                    limited.config().lengthPenalty()));
        }
        for (int i = 0; i < sentences.size(); i++) {
            assertSameTranslation(reference.get(sentences.get(i)), translated.get(i), "sentence " + i + " '" + sentences.get(i) + "'");
        }
    }

    /** Groups by source length as {@link Translator#translate} does, then decodes each group both ways. */
    private static void compareGroups(Translator translator, List<String> sentences, int width, double penalty, int[] outcomes) {
        SequenceCodec codec = translator.codec();
        Map<Integer, List<int[]>> byLength = new LinkedHashMap<>();
        Map<Integer, List<String>> textByLength = new LinkedHashMap<>();
        for (String sentence : sentences) {
            int[] source = codec.encodeSource(sentence);
            byLength.computeIfAbsent(source.length, k -> new ArrayList<>()).add(source);
            textByLength.computeIfAbsent(source.length, k -> new ArrayList<>()).add(sentence);
        }
        for (Map.Entry<Integer, List<int[]>> group : byLength.entrySet()) {
            EncodedSource encoded = translator.encode(group.getValue());
            List<Translation> batched = translator.decoder().beam(encoded, width, penalty);
            assertEquals(group.getValue().size(), batched.size());
            for (int row = 0; row < batched.size(); row++) {
                Translation expected = PerSentenceBeamSearch.beam(translator.decoder(), codec, encoded, row, width, penalty);
                assertSameTranslation(expected, batched.get(row), "width " + width + ", penalty " + penalty + ", limit "
                        + codec.maxTargetLength() + ", '" + textByLength.get(group.getKey()).get(row) + "'");
                outcomes[expected.reachedLimit() ? 0 : 1]++;
            }
        }
    }

    private static void assertSameTranslation(Translation expected, Translation actual, String what) {
        assertEquals(expected.tokens(), actual.tokens(), what);
        assertEquals(expected.text(), actual.text(), what);
        assertEquals(expected.logProbability(), actual.logProbability(), 1e-5, what);
        assertEquals(expected.reachedLimit(), actual.reachedLimit(), what);
    }

    /** The first {@code count} (or all, if fewer) distinct sources of the tiny models' data that the model can encode. */
    private static List<String> sentences(Translator translator, int count) {
        List<String> out = new ArrayList<>();
        for (SentencePair pair : TinyModels.numbers().load(translator.config().training().seed())) {
            if (out.size() == count) {
                break;
            }
            try {
                translator.codec().encodeSource(pair.source());
            } catch (UserInputException e) {
                continue; // too long for the model or holding an unseen character
            }
            if (!out.contains(pair.source())) {
                out.add(pair.source());
            }
        }
        assertTrue(out.size() >= Math.min(count, 6), "too few sentences: " + out.size());
        return out;
    }

    /** The translator's model (a copy, {@code graph}) decoding at most {@code maxTarget} tokens. */
    private static Translator withTargetLimit(Translator translator, ComputationGraph graph, int maxTarget) {
        TranslationConfig config = translator.config();
        SequenceCodec codec = translator.codec();
        return new Translator(config.withMaxLengths(config.maxSourceLength(), maxTarget),
                new SequenceCodec(codec.tokenization(), codec.sourceVocabulary(), codec.targetVocabulary(),
                        codec.maxSourceLength(), maxTarget, codec.padsToMaximum()), graph);
    }

    /**
     * The model decoding at most {@code maxTarget} tokens with its output layer favouring EOS by
     * {@value #EOS_BOOST} in the logit. The translator copies the decoder's parameters when it is
     * built, so the trained graph is changed only meanwhile.
     */
    private static Translator eosBoosted(Translator translator, int maxTarget) {
        INDArray bias = translator.graph().getLayer(Seq2SeqGraphs.OUTPUT).getParam("b");
        int eos = translator.codec().eosIndex();
        float original = bias.getFloat(eos);
        bias.putScalar(eos, original + EOS_BOOST);
        try {
            return withTargetLimit(translator, translator.graph(), maxTarget);
        } finally {
            bias.putScalar(eos, original);
        }
    }
}
