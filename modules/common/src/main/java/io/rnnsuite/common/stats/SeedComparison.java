package io.rnnsuite.common.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * "A beats B" on one metric, backed by Welch's t-test over seeds (unequal variances): A beats B
 * when its mean is better and the two-sided p-value is below {@link #ALPHA}; otherwise they tie.
 * With one seed on a side there is no spread to test against, and the verdict says so.
 *
 * @param a             first model
 * @param b             second model
 * @param spreadA       A's metric over seeds
 * @param spreadB       B's metric over seeds
 * @param lowerIsBetter whether a lower value is better (losses, errors)
 * @param pValue        Welch's two-sided p-value (NaN when untestable)
 * @param verdict       {@link Verdict}
 */
public record SeedComparison(String a, String b, Spread spreadA, Spread spreadB, boolean lowerIsBetter, double pValue,
                             Verdict verdict) {

    /** The significance level of every verdict on the page. */
    public static final double ALPHA = 0.05;

    /** What the test says. */
    public enum Verdict {
        /** A is better beyond the seed-to-seed spread. */
        BEATS("beats"),
        /** B is better beyond the spread. */
        LOSES_TO("loses to"),
        /** The difference is within the spread. */
        TIES("ties"),
        /** Fewer than two seeds on a side: nothing to test against. */
        UNTESTED("untested (one seed)");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Compares A's values with B's (one per seed). */
    public static SeedComparison of(String a, double[] valuesA, String b, double[] valuesB, boolean lowerIsBetter) {
        Spread sa = Spread.of(valuesA);
        Spread sb = Spread.of(valuesB);
        if (sa.n() < 2 || sb.n() < 2) {
            return new SeedComparison(a, b, sa, sb, lowerIsBetter, Double.NaN, Verdict.UNTESTED);
        }
        double p = welchP(sa, sb);
        boolean aBetter = lowerIsBetter ? sa.mean() < sb.mean() : sa.mean() > sb.mean();
        Verdict verdict = !(p < ALPHA) ? Verdict.TIES : aBetter ? Verdict.BEATS : Verdict.LOSES_TO;
        return new SeedComparison(a, b, sa, sb, lowerIsBetter, p, verdict);
    }

    /**
     * Welch's two-sided p-value; 0 when both sides have no spread and different means (every seed
     * gave the same, different, values), 1 when the means are equal.
     */
    static double welchP(Spread a, Spread b) {
        double va = a.sd() * a.sd() / a.n();
        double vb = b.sd() * b.sd() / b.n();
        double diff = a.mean() - b.mean();
        if (diff == 0) {
            return 1;
        }
        if (va + vb == 0) {
            return 0;
        }
        double t = diff / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb)
                / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    /** {@code lstm beats simple_rnn (0.91 ± 0.01 vs 0.85 ± 0.02, p = 0.003)}. */
    public String sentence() {
        if (verdict == Verdict.UNTESTED) {
            return a + " vs " + b + ": " + spreadA.format() + " vs " + spreadB.format() + " (one seed: untested)";
        }
        String p = Double.isNaN(pValue) ? "" : String.format(Locale.ROOT, ", p = %.3g", pValue);
        return a + " " + verdict.words() + " " + b + " (" + spreadA.format() + " vs " + spreadB.format() + p + ")";
    }
}
