package io.rnnsuite.textclf.model;

import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.textclf.data.LabelledExample;
import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy by text length in tokens (as the classifier's tokenizer counts them, before truncation),
 * in buckets with fixed edges so that the buckets of different seeds and splits line up:
 * 1–5, 6–10, 11–15, 16–25, 26–40, &gt;40. Texts over the maximum length (40 by default) are read
 * only up to it, so with the defaults the last bucket is exactly the truncated texts.
 */
public final class AccuracyByLength {

    /** Inclusive upper edges of the closed buckets; longer texts fall in the open bucket after the last. */
    static final int[] UPPER_EDGES = {5, 10, 15, 25, 40};
    /** What the buckets measure. */
    public static final String AXIS = "text length (tokens)";

    private AccuracyByLength() {
    }

    /**
     * Classifies {@code examples} and scores them bucket by bucket; empty buckets are left out.
     * Each bucket's x is the mean length of its texts. A prediction is right when the predicted
     * class name equals the example's label.
     */
    public static LengthBreakdown of(Classifier classifier, List<LabelledExample> examples) {
        WordTokenizer tokenizer = new WordTokenizer();
        int[] predicted = classifier.predict(examples.stream().map(LabelledExample::text).toList());
        int buckets = UPPER_EDGES.length + 1;
        int[] count = new int[buckets];
        int[] right = new int[buckets];
        long[] tokens = new long[buckets];
        for (int i = 0; i < examples.size(); i++) {
            int length = tokenizer.tokenize(examples.get(i).text()).size();
            int b = bucket(length);
            count[b]++;
            tokens[b] += length;
            right[b] += classifier.labels().get(predicted[i]).equals(examples.get(i).label()) ? 1 : 0;
        }
        List<LengthBreakdown.Bucket> out = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (count[b] > 0) {
                out.add(new LengthBreakdown.Bucket(label(b), (double) tokens[b] / count[b], count[b],
                        (double) right[b] / count[b]));
            }
        }
        return new LengthBreakdown(AXIS, "accuracy", false, out);
    }

    /** The bucket of a text of {@code length} tokens. */
    static int bucket(int length) {
        for (int b = 0; b < UPPER_EDGES.length; b++) {
            if (length <= UPPER_EDGES[b]) {
                return b;
            }
        }
        return UPPER_EDGES.length;
    }

    /** {@code 1–5}, {@code 6–10}, ..., {@code >40}. */
    static String label(int bucket) {
        if (bucket == UPPER_EDGES.length) {
            return ">" + UPPER_EDGES[bucket - 1];
        }
        int lower = bucket == 0 ? 1 : UPPER_EDGES[bucket - 1] + 1;
        return lower + "–" + UPPER_EDGES[bucket];
    }
}
