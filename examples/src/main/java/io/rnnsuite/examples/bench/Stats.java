package io.rnnsuite.examples.bench;

import java.util.Arrays;

/** The summary statistic of repeated timings. */
public final class Stats {

    private Stats() {
    }

    /**
     * The median: the middle value, or the mean of the two middle ones for an even count (as
     * Python's {@code statistics.median}); NaN for no values.
     */
    public static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
