package io.rnnsuite.common.app;

/**
 * An app's headline metric, by which models are ranked.
 *
 * @param key           its key in {@link Evaluation#metrics()} ({@code macro_f1})
 * @param label         how tables show it ({@code test macro-F1})
 * @param lowerIsBetter true for losses and errors
 */
public record Metric(String key, String label, boolean lowerIsBetter) {

    /** True when {@code a} is better than {@code b} by this metric. */
    public boolean better(double a, double b) {
        return lowerIsBetter ? a < b : a > b;
    }
}
