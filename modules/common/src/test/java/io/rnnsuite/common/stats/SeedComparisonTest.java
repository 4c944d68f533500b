package io.rnnsuite.common.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedComparisonTest {

    private static double[] draws(Random random, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * random.nextGaussian();
        }
        return v;
    }

    @Test
    void aDifferenceBeyondTheNoiseBeatsAndOneWithinItTies() {
        Random random = new Random(1);
        // A better by 10 standard deviations of the seed noise
        SeedComparison clear = SeedComparison.of("lstm", draws(random, 5, 0.90, 0.01), "simple_rnn",
                draws(random, 5, 0.80, 0.01), false);
        assertEquals(SeedComparison.Verdict.BEATS, clear.verdict(), clear.sentence());
        assertTrue(clear.pValue() < 1e-4, clear.sentence());
        // the same distribution on both sides: ties in (nearly) every draw
        int ties = 0;
        for (int trial = 0; trial < 200; trial++) {
            SeedComparison same = SeedComparison.of("gru", draws(random, 5, 0.85, 0.02), "lstm", draws(random, 5, 0.85, 0.02), false);
            ties += same.verdict() == SeedComparison.Verdict.TIES ? 1 : 0;
        }
        assertTrue(ties >= 180, "equal distributions tie in " + ties + " of 200 (alpha 0.05 allows ~10 false verdicts)");
    }

    @Test
    void lowerIsBetterFlipsTheDirectionAndOneSeedIsUntested() {
        SeedComparison loss = SeedComparison.of("lstm", new double[] {1.50, 1.52, 1.51}, "simple_rnn",
                new double[] {1.90, 1.95, 1.92}, true);
        assertEquals(SeedComparison.Verdict.BEATS, loss.verdict(), loss.sentence());
        SeedComparison reversed = SeedComparison.of("simple_rnn", new double[] {1.90, 1.95, 1.92}, "lstm",
                new double[] {1.50, 1.52, 1.51}, true);
        assertEquals(SeedComparison.Verdict.LOSES_TO, reversed.verdict());
        assertEquals(SeedComparison.Verdict.UNTESTED, SeedComparison.of("a", new double[] {1}, "b", new double[] {2}, true).verdict());
        // no spread at all, different values on every seed: a consistent difference
        assertEquals(SeedComparison.Verdict.BEATS,
                SeedComparison.of("a", new double[] {0.5, 0.5}, "b", new double[] {0.6, 0.6}, true).verdict());
    }

    @Test
    void spreadIsMeanSampleSdAndRange() {
        Spread s = Spread.of(1, 2, 3, Double.NaN);
        assertEquals(3, s.n());
        assertEquals(2, s.mean(), 1e-12);
        assertEquals(1, s.sd(), 1e-12);
        assertEquals("2 ± 1 (1–3)", s.format().replace(".000", ""));
    }
}
