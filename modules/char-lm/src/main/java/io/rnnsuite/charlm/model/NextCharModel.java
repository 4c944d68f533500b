package io.rnnsuite.charlm.model;

import io.rnnsuite.common.eval.LanguageModelMetrics;

/**
 * Anything that assigns probabilities to the next character: the recurrent network and the
 * count-based baselines, so all are scored by the same {@link #evaluate} code.
 */
public interface NextCharModel {

    /** Short name for tables. */
    String name();

    /**
     * The summed negative log-likelihood, in nats, of {@code text[1..n)} where each character is
     * predicted from all characters before it in {@code text}.
     */
    double totalNats(int[] text);

    /** Cross-entropy, perplexity and bits per character over {@code text} (n − 1 predictions). */
    default LanguageModelMetrics evaluate(int[] text) {
        if (text.length < 2) {
            throw new IllegalArgumentException("need at least two characters to predict one");
        }
        return LanguageModelMetrics.fromTotalNats(totalNats(text), text.length - 1L);
    }
}
