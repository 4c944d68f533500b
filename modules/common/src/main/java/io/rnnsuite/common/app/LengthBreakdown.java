package io.rnnsuite.common.app;

import java.util.List;

/**
 * A test metric broken down by input length, for the compare page's by-length plot: the claims
 * about plain RNNs and LSTMs are about sequence length, so every app shows its score against the
 * length of what the model had to read or remember.
 *
 * @param axis    what the buckets measure ({@code text length (tokens)}, {@code source length (characters)},
 *                {@code position in the sequence}, {@code forecast step})
 * @param metric  the metric in each bucket ({@code accuracy}, {@code exact_match}, {@code bits_per_char}, {@code mae})
 * @param lowerIsBetter whether a lower value is better
 * @param buckets in increasing length
 */
public record LengthBreakdown(String axis, String metric, boolean lowerIsBetter, List<Bucket> buckets) {

    public LengthBreakdown {
        buckets = List.copyOf(buckets);
    }

    /**
     * One bucket.
     *
     * @param label {@code 11–20}
     * @param x     where it goes on the plot's x-axis (e.g. the bucket's upper bound or mean length)
     * @param count test examples (or positions) in it
     * @param value the metric over them
     */
    public record Bucket(String label, double x, int count, double value) {
    }
}
