package io.rnnsuite.common.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * chrF (Popović 2015): character n-gram F-score. Whitespace is removed; for n = 1..6 the matched,
 * candidate and reference n-gram counts are summed over the corpus, giving chrP and chrR per order;
 * both are averaged over the orders and combined as
 * {@code F_β = (1 + β²)·chrP·chrR / (β²·chrP + chrR)} with β = 2 (recall weighs twice as much).
 */
public final class ChrF {

    /** Highest character n-gram order. */
    public static final int MAX_ORDER = 6;
    /** Recall weight. */
    public static final double BETA = 2.0;

    private final long[] matches = new long[MAX_ORDER];
    private final long[] candidateNgrams = new long[MAX_ORDER];
    private final long[] referenceNgrams = new long[MAX_ORDER];

    /** Adds one candidate and its reference (raw text). */
    public ChrF add(String candidate, String reference) {
        List<String> hyp = characters(candidate);
        List<String> ref = characters(reference);
        for (int n = 1; n <= MAX_ORDER; n++) {
            Map<List<String>, Integer> refCounts = CorpusBleu.ngrams(ref, n);
            for (Map.Entry<List<String>, Integer> e : CorpusBleu.ngrams(hyp, n).entrySet()) {
                matches[n - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
            }
            candidateNgrams[n - 1] += Math.max(0, hyp.size() - n + 1);
            referenceNgrams[n - 1] += Math.max(0, ref.size() - n + 1);
        }
        return this;
    }

    /** The chrF score in [0, 1]. */
    public double score() {
        double precision = 0;
        double recall = 0;
        for (int n = 0; n < MAX_ORDER; n++) {
            precision += candidateNgrams[n] == 0 ? 0 : (double) matches[n] / candidateNgrams[n];
            recall += referenceNgrams[n] == 0 ? 0 : (double) matches[n] / referenceNgrams[n];
        }
        precision /= MAX_ORDER;
        recall /= MAX_ORDER;
        double b2 = BETA * BETA;
        double denominator = b2 * precision + recall;
        return denominator == 0 ? 0 : (1 + b2) * precision * recall / denominator;
    }

    /** chrF of whole corpora given as parallel lists. */
    public static double score(List<String> candidates, List<String> references) {
        if (candidates.size() != references.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates but " + references.size() + " references");
        }
        ChrF chrF = new ChrF();
        for (int i = 0; i < candidates.size(); i++) {
            chrF.add(candidates.get(i), references.get(i));
        }
        return chrF.score();
    }

    private static List<String> characters(String text) {
        List<String> chars = new ArrayList<>();
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> chars.add(new String(Character.toChars(c))));
        return chars;
    }
}
