package io.rnnsuite.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CTC loss against brute-force enumeration of every alignment, and its gradient against finite differences. */
class CtcMathTest {

    private static double[][] randomLogits(Random random, int frames, int classes) {
        double[][] x = new double[frames][classes];
        for (double[] row : x) {
            for (int k = 0; k < classes; k++) {
                row[k] = 2 * random.nextGaussian();
            }
        }
        return x;
    }

    /** Collapse repeats, then drop blanks. */
    static int[] collapse(int[] path) {
        List<Integer> out = new ArrayList<>();
        int previous = -1;
        for (int label : path) {
            if (label != previous && label != CtcMath.BLANK) {
                out.add(label);
            }
            previous = label;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** p(target) summed over all C^T paths. */
    static double bruteForceProbability(double[][] logits, int[] target) {
        double[][] logY = CtcMath.logSoftmax(logits);
        int frames = logits.length;
        int classes = logits[0].length;
        int[] path = new int[frames];
        double total = 0;
        for (long code = 0; code < Math.pow(classes, frames); code++) {
            long c = code;
            double logP = 0;
            for (int t = 0; t < frames; t++) {
                path[t] = (int) (c % classes);
                c /= classes;
                logP += logY[t][path[t]];
            }
            if (java.util.Arrays.equals(collapse(path), target)) {
                total += Math.exp(logP);
            }
        }
        return total;
    }

    @Test
    void lossEqualsMinusLogOfTheSumOverAllAlignments() {
        Random random = new Random(7);
        int[][] targets = {{1}, {1, 2}, {2, 2}, {1, 2, 1}, {3, 1, 3}, {2, 2, 2}};
        for (int[] target : targets) {
            for (int frames = CtcMath.minimumFrames(target); frames <= 6; frames++) {
                double[][] logits = randomLogits(random, frames, 4);
                double expected = -Math.log(bruteForceProbability(logits, target));
                assertEquals(expected, CtcMath.lossAndGradient(logits, target).loss(), 1e-10,
                        java.util.Arrays.toString(target) + " over " + frames + " frames");
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random random = new Random(11);
        int[][] targets = {{1, 2}, {2, 2, 1}, {3}};
        for (int[] target : targets) {
            double[][] logits = randomLogits(random, 6, 4);
            double[][] gradient = CtcMath.lossAndGradient(logits, target).gradient();
            double h = 1e-6;
            for (int t = 0; t < logits.length; t++) {
                for (int k = 0; k < logits[t].length; k++) {
                    double keep = logits[t][k];
                    logits[t][k] = keep + h;
                    double up = CtcMath.lossAndGradient(logits, target).loss();
                    logits[t][k] = keep - h;
                    double down = CtcMath.lossAndGradient(logits, target).loss();
                    logits[t][k] = keep;
                    assertEquals((up - down) / (2 * h), gradient[t][k], 1e-6, "t " + t + " k " + k);
                }
            }
        }
    }

    @Test
    void gradientRowsSumToZeroAndImpossibleTargetsAreRefused() {
        double[][] logits = randomLogits(new Random(3), 5, 3);
        for (double[] row : CtcMath.lossAndGradient(logits, new int[] {1, 1}).gradient()) {
            assertEquals(0, java.util.Arrays.stream(row).sum(), 1e-12, "softmax gradient rows sum to 0");
        }
        assertEquals(3, CtcMath.minimumFrames(new int[] {1, 1}), "a repeat needs a blank between");
        assertThrows(IllegalArgumentException.class, () -> CtcMath.lossAndGradient(randomLogits(new Random(1), 2, 3),
                new int[] {1, 1}));
        assertArrayEquals(new int[] {1, 2, 1}, collapse(new int[] {0, 1, 1, 0, 2, 2, 1, 0}));
    }
}
