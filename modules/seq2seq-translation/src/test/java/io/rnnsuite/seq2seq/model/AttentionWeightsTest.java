package io.rnnsuite.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TinyModels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The attention weights recomputed outside DL4J are the ones its {@code AttentionVertex} used:
 * weights applied to the projected values reproduce the vertex's activation.
 */
class AttentionWeightsTest {

    private static final List<SentencePair> PAIRS = List.of(
            new SentencePair("seven", "sept"),
            new SentencePair("three hundred forty-two", "trois cent quarante-deux"),
            new SentencePair("ninety-nine", "quatre-vingt-dix-neuf"));

    private final Translator translator = TinyModels.trained(CellType.LSTM, true).translator();
    private final ComputationGraph graph = translator.graph();
    private final Map<String, INDArray> params = graph.getVertex(Seq2SeqGraphs.ATTENTION).paramTable(false);

    @Test
    void weightsTimesValuesReproduceTheVertexActivation() {
        for (SentencePair pair : PAIRS) {
            Activations a = activations(pair);
            double[][] weights = AttentionWeights.weights(params, a.queries, a.encoderOutputs, a.sourceMask, 0);
            double[][] recomputed = AttentionWeights.output(params, a.encoderOutputs, 0, weights);
            double[][] actual = a.vertexOutput.slice(0).toDoubleMatrix();
            for (int t = 0; t < a.decoderSteps; t++) {
                for (int o = 0; o < actual.length; o++) {
                    assertEquals(actual[o][t], recomputed[o][t], 1e-4, pair.source() + ": output " + o + ", step " + t);
                }
                double sum = 0;
                for (int s = 0; s < weights[t].length; s++) {
                    sum += weights[t][s];
                    if (s >= a.sourceSteps) {
                        assertEquals(0, weights[t][s], 1e-12, "padding gets no weight");
                    }
                }
                assertEquals(1, sum, 1e-9);
            }
            for (int t = a.decoderSteps; t < actual[0].length; t++) {
                for (double[] feature : actual) {
                    assertEquals(0, feature[t], 1e-9, "the vertex zeroes padded query steps");
                }
            }
        }
    }

    @Test
    void theCheckNoticesAWrongScaleOrAMissingMask() {
        // controls: the check must fail for scores scaled differently (query projection times 10)
        // and for weights that ignore the source mask
        SentencePair pair = PAIRS.get(0);
        Map<String, INDArray> rescaled = new HashMap<>(params);
        rescaled.put(AttentionWeights.QUERY_PROJECTION, params.get(AttentionWeights.QUERY_PROJECTION).mul(10));
        Activations a = activations(pair);
        assertTrue(largestDifference(rescaled, a, a.sourceMask) > 1e-3, "scale");
        assertTrue(largestDifference(params, a, null) > 1e-3, "mask");
        assertTrue(largestDifference(params, a, a.sourceMask) < 1e-4, "the right formula");
    }

    private static double largestDifference(Map<String, INDArray> params, Activations a, INDArray mask) {
        double[][] recomputed = AttentionWeights.output(params, a.encoderOutputs, 0,
                AttentionWeights.weights(params, a.queries, a.encoderOutputs, mask, 0));
        double[][] actual = a.vertexOutput.slice(0).toDoubleMatrix();
        double worst = 0;
        for (int t = 0; t < a.decoderSteps; t++) {
            for (int o = 0; o < actual.length; o++) {
                worst = Math.max(worst, Math.abs(actual[o][t] - recomputed[o][t]));
            }
        }
        return worst;
    }

    @Test
    void translatorMapHasOneRowPerOutputTokenSummingToOne() {
        AttentionMap map = translator.attention("three hundred forty-two");
        assertEquals(translator.codec().tokenization().tokenize("three hundred forty-two"), map.sourceTokens());
        Translation greedy = translator.translate(List.of("three hundred forty-two"), 1).get(0);
        assertEquals(greedy.tokens().size(), map.outputTokens().size());
        assertEquals(greedy.text(), map.translation());
        if (!greedy.reachedLimit()) {
            assertEquals(Vocabulary.EOS, map.outputTokens().get(map.outputTokens().size() - 1));
        }
        for (double[] row : map.weights()) {
            assertEquals(map.sourceTokens().size(), row.length);
            double sum = 0;
            for (double w : row) {
                assertTrue(w >= 0);
                sum += w;
            }
            assertEquals(1, sum, 1e-9);
        }
    }

    private Activations activations(SentencePair pair) {
        MultiDataSet example = translator.codec().example(pair);
        graph.setLayerMaskArrays(example.getFeaturesMaskArrays(), null);
        Map<String, INDArray> a = graph.feedForward(example.getFeatures(), false, false);
        graph.clearLayerMaskArrays();
        return new Activations(a.get(Seq2SeqGraphs.DECODER), a.get(Seq2SeqGraphs.lastEncoderLayer(translator.config())),
                a.get(Seq2SeqGraphs.ATTENTION), example.getFeaturesMaskArray(0),
                example.getFeaturesMaskArray(0).sumNumber().intValue(), example.getFeaturesMaskArray(1).sumNumber().intValue());
    }

    private record Activations(INDArray queries, INDArray encoderOutputs, INDArray vertexOutput, INDArray sourceMask,
                               int sourceSteps, int decoderSteps) {
    }
}
