package io.rnnsuite.seq2seq.model;

import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.data.Tokenization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a translator must beat, scored by the same code ({@link TranslationEvaluation#ofOutputs}):
 * <ul>
 *   <li>{@value #COPY}: the source sentence itself, unchanged;</li>
 *   <li>{@value #NEAREST}: the reference translation of the most similar training source (cosine of
 *       character-trigram counts), among at most {@value #MAX_CANDIDATES} training pairs. Test
 *       sources never occur in training, so its exact match measures how often a near neighbour
 *       happens to translate the same (it is rarely right; its chrF shows how much can be copied).</li>
 * </ul>
 */
public final class TranslationBaselines {

    public static final String COPY = "copy_source";
    public static final String NEAREST = "nearest_neighbour";
    /** Training pairs searched by the nearest-neighbour baseline (a random sample beyond that). */
    public static final int MAX_CANDIDATES = 5000;

    private TranslationBaselines() {
    }

    /** The source, as the translation. */
    public static TranslationEvaluation copySource(List<SentencePair> test, Tokenization tokenization) {
        long start = System.nanoTime();
        List<String> outputs = test.stream().map(SentencePair::source).toList();
        return TranslationEvaluation.ofOutputs(test, outputs, tokenization, (System.nanoTime() - start) / 1e9);
    }

    /** The translation of the nearest training source. */
    public static TranslationEvaluation nearestNeighbour(List<SentencePair> train, List<SentencePair> test,
                                                         Tokenization tokenization, long seed) {
        long start = System.nanoTime();
        List<SentencePair> candidates = train;
        if (train.size() > MAX_CANDIDATES) {
            List<SentencePair> shuffled = new ArrayList<>(train);
            java.util.Collections.shuffle(shuffled, new Random(seed));
            candidates = shuffled.subList(0, MAX_CANDIDATES);
        }
        List<Map<String, Integer>> profiles = candidates.stream().map(p -> trigrams(p.source())).toList();
        double[] norms = profiles.stream().mapToDouble(TranslationBaselines::norm).toArray();
        List<String> outputs = new ArrayList<>(test.size());
        for (SentencePair pair : test) {
            Map<String, Integer> query = trigrams(pair.source());
            double queryNorm = norm(query);
            int best = 0;
            double bestScore = -1;
            for (int i = 0; i < profiles.size(); i++) {
                double dot = 0;
                for (Map.Entry<String, Integer> e : query.entrySet()) {
                    Integer count = profiles.get(i).get(e.getKey());
                    if (count != null) {
                        dot += (double) count * e.getValue();
                    }
                }
                double score = dot / Math.max(1e-12, queryNorm * norms[i]);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            outputs.add(candidates.get(best).target());
        }
        return TranslationEvaluation.ofOutputs(test, outputs, tokenization, (System.nanoTime() - start) / 1e9);
    }

    /** Counts of the character trigrams of the lower-cased text, padded with a space at both ends. */
    static Map<String, Integer> trigrams(String text) {
        String padded = " " + text.strip().toLowerCase(java.util.Locale.ROOT) + " ";
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            counts.merge(padded.substring(i, i + 3), 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            counts.put(padded, 1);
        }
        return counts;
    }

    private static double norm(Map<String, Integer> counts) {
        double sum = 0;
        for (int c : counts.values()) {
            sum += (double) c * c;
        }
        return Math.sqrt(sum);
    }
}
