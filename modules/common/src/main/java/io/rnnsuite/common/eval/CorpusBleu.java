package io.rnnsuite.common.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus BLEU (Papineni et al. 2002) with one reference per sentence: clipped n-gram precisions
 * for n = 1..4 summed over the whole corpus, their geometric mean with equal weights, times the
 * brevity penalty {@code exp(1 − r/c)} when the candidates' total length {@code c} is below the
 * references' {@code r}. No smoothing: a corpus without any matching 4-gram scores 0.
 * Tokens are whatever the caller splits on (words, usually).
 */
public final class CorpusBleu {

    /** Highest n-gram order. */
    public static final int MAX_ORDER = 4;

    private final long[] matches = new long[MAX_ORDER];
    private final long[] candidateNgrams = new long[MAX_ORDER];
    private long candidateLength;
    private long referenceLength;

    /** Adds one candidate translation and its reference, both tokenized. */
    public CorpusBleu add(List<String> candidate, List<String> reference) {
        candidateLength += candidate.size();
        referenceLength += reference.size();
        for (int n = 1; n <= MAX_ORDER; n++) {
            Map<List<String>, Integer> referenceCounts = ngrams(reference, n);
            for (Map.Entry<List<String>, Integer> e : ngrams(candidate, n).entrySet()) {
                matches[n - 1] += Math.min(e.getValue(), referenceCounts.getOrDefault(e.getKey(), 0));
                candidateNgrams[n - 1] += e.getValue();
            }
        }
        return this;
    }

    /** The BLEU score in [0, 1]. */
    public double score() {
        if (candidateLength == 0) {
            return 0;
        }
        double logSum = 0;
        for (int n = 0; n < MAX_ORDER; n++) {
            if (matches[n] == 0) {
                return 0;
            }
            logSum += Math.log((double) matches[n] / candidateNgrams[n]);
        }
        return brevityPenalty() * Math.exp(logSum / MAX_ORDER);
    }

    /** {@code 1} if the candidates are at least as long as the references, else {@code exp(1 − r/c)}. */
    public double brevityPenalty() {
        if (candidateLength >= referenceLength) {
            return 1;
        }
        return candidateLength == 0 ? 0 : Math.exp(1 - (double) referenceLength / candidateLength);
    }

    /** Clipped n-gram precision of order {@code n} (1-based) so far. */
    public double precision(int n) {
        return candidateNgrams[n - 1] == 0 ? 0 : (double) matches[n - 1] / candidateNgrams[n - 1];
    }

    /** BLEU of whole corpora given as parallel lists. */
    public static double score(List<? extends List<String>> candidates, List<? extends List<String>> references) {
        if (candidates.size() != references.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates but " + references.size() + " references");
        }
        CorpusBleu bleu = new CorpusBleu();
        for (int i = 0; i < candidates.size(); i++) {
            bleu.add(candidates.get(i), references.get(i));
        }
        return bleu.score();
    }

    static <T> Map<List<T>, Integer> ngrams(List<T> tokens, int n) {
        Map<List<T>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
