package io.rnnsuite.common.stats;

import io.rnnsuite.common.report.MarkdownTable;
import java.util.Arrays;

/**
 * A metric over several runs (seeds): how many, mean, sample standard deviation, min and max.
 *
 * @param n    runs with a finite value
 * @param mean their mean (NaN when none)
 * @param sd   sample standard deviation (0 for a single run)
 * @param min  smallest value
 * @param max  largest value
 */
public record Spread(int n, double mean, double sd, double min, double max) {

    /** The spread of the finite values among {@code values}. */
    public static Spread of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(finite).average().orElseThrow();
        double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
        double sd = finite.length > 1 ? Math.sqrt(squares / (finite.length - 1)) : 0;
        return new Spread(finite.length, mean, sd, Arrays.stream(finite).min().orElseThrow(),
                Arrays.stream(finite).max().orElseThrow());
    }

    /** {@code 0.912 ± 0.011 (0.897–0.925)}; the value alone for one run or when every run gave the same. */
    public String format() {
        if (n == 0) {
            return "–";
        }
        if (n == 1 || min == max) {
            return MarkdownTable.number(mean);
        }
        return MarkdownTable.number(mean) + " ± " + MarkdownTable.number(sd) + " (" + MarkdownTable.number(min) + "–"
                + MarkdownTable.number(max) + ")";
    }

    @Override
    public String toString() {
        return format();
    }
}
