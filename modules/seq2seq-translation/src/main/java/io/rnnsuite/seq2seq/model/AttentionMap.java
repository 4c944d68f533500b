package io.rnnsuite.seq2seq.model;

import java.util.List;

/**
 * Where the decoder looked while translating one sentence: for every output token (rows, the
 * end-of-sentence token included when it was produced) the attention weights over the source
 * tokens (columns). Each row sums to 1; padding is left out.
 *
 * @param source       the source sentence
 * @param translation  the greedy translation (end-of-sentence token dropped)
 * @param sourceTokens the source tokens, one per column
 * @param outputTokens the produced target tokens, one per row
 * @param weights      {@code [outputTokens][sourceTokens]}
 */
public record AttentionMap(String source, String translation, List<String> sourceTokens, List<String> outputTokens, double[][] weights) {

    public AttentionMap {
        if (weights.length != outputTokens.size()) {
            throw new IllegalArgumentException(weights.length + " weight rows for " + outputTokens.size() + " output tokens");
        }
        for (double[] row : weights) {
            if (row.length != sourceTokens.size()) {
                throw new IllegalArgumentException(row.length + " weight columns for " + sourceTokens.size() + " source tokens");
            }
        }
    }
}
