package io.rnnsuite.seq2seq.model;

import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.datasets.SentencePair;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy exact match by source length in characters, in buckets with fixed edges so that the
 * buckets of different seeds and splits line up: ≤15, 16–25, 26–35, 36–50, &gt;50. Characters,
 * not tokens, so that word- and character-tokenized models share the axis.
 */
public final class ExactMatchByLength {

    /** Inclusive upper edges of the closed buckets; longer sources fall in the open bucket after the last. */
    static final int[] UPPER_EDGES = {15, 25, 35, 50};
    /** What the buckets measure. */
    public static final String AXIS = "source length (characters)";

    private ExactMatchByLength() {
    }

    /**
     * Exact match of each bucket, from already scored pairs ({@link TranslationEvaluation#pairs()} and
     * {@link TranslationEvaluation#correct()}); empty buckets are left out, each bucket's x is the
     * mean source length of its pairs.
     */
    public static LengthBreakdown of(List<SentencePair> pairs, List<Boolean> correct) {
        if (pairs.size() != correct.size()) {
            throw new IllegalArgumentException(pairs.size() + " pairs but " + correct.size() + " verdicts");
        }
        int buckets = UPPER_EDGES.length + 1;
        int[] count = new int[buckets];
        int[] right = new int[buckets];
        long[] characters = new long[buckets];
        for (int i = 0; i < pairs.size(); i++) {
            String source = pairs.get(i).source();
            int length = source.codePointCount(0, source.length());
            int b = bucket(length);
            count[b]++;
            characters[b] += length;
            right[b] += correct.get(i) ? 1 : 0;
        }
        List<LengthBreakdown.Bucket> out = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (count[b] > 0) {
                out.add(new LengthBreakdown.Bucket(label(b), (double) characters[b] / count[b], count[b],
                        (double) right[b] / count[b]));
            }
        }
        return new LengthBreakdown(AXIS, "exact_match", false, out);
    }

    /** The bucket of a source of {@code length} characters. */
    static int bucket(int length) {
        for (int b = 0; b < UPPER_EDGES.length; b++) {
            if (length <= UPPER_EDGES[b]) {
                return b;
            }
        }
        return UPPER_EDGES.length;
    }

    /** {@code ≤15}, {@code 16–25}, ..., {@code >50}. */
    static String label(int bucket) {
        if (bucket == 0) {
            return "≤" + UPPER_EDGES[0];
        }
        if (bucket == UPPER_EDGES.length) {
            return ">" + UPPER_EDGES[bucket - 1];
        }
        return (UPPER_EDGES[bucket - 1] + 1) + "–" + UPPER_EDGES[bucket];
    }
}
