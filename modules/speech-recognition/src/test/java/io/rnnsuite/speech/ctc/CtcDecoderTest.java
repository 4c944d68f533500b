package io.rnnsuite.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Greedy decoding collapses and drops blanks; prefix beam search of width 1 is greedy on confident outputs. */
class CtcDecoderTest {

    /** One-hot-ish frames: {@code labels[t]} gets {@code p}, the rest share 1 - p. */
    private static double[][] frames(int[] labels, double p, int classes) {
        double[][] out = new double[labels.length][classes];
        for (int t = 0; t < labels.length; t++) {
            java.util.Arrays.fill(out[t], (1 - p) / (classes - 1));
            out[t][labels[t]] = p;
        }
        return out;
    }

    @Test
    void greedyCollapsesRepeatsAndRemovesBlanks() {
        CtcDecoder.Decoded d = CtcDecoder.greedy(frames(new int[] {0, 3, 3, 0, 0, 3, 5, 5, 0, 2}, 0.9, 6));
        assertArrayEquals(new int[] {3, 3, 5, 2}, d.labels());
        assertEquals(4, d.confidence().length);
        assertEquals(0.9, d.confidence()[0], 1e-12);
        assertArrayEquals(new int[0], CtcDecoder.greedy(frames(new int[] {0, 0, 0}, 0.8, 4)).labels());
    }

    @Test
    void beamOfWidthOneEqualsGreedyOnConfidentOutputs() {
        Random random = new Random(5);
        for (int trial = 0; trial < 3000; trial++) {
            int frames = 1 + random.nextInt(12);
            int classes = 2 + random.nextInt(5);
            double[][] p = new double[frames][classes];
            for (double[] row : p) {
                int top = random.nextInt(classes);
                double peak = 0.8 + 0.2 * random.nextDouble(); // a trained network: one label dominates each frame
                double rest = 0;
                for (int k = 0; k < classes; k++) {
                    row[k] = k == top ? 0 : random.nextDouble();
                    rest += row[k];
                }
                for (int k = 0; k < classes; k++) {
                    row[k] = k == top ? peak : (1 - peak) * row[k] / rest;
                }
            }
            assertArrayEquals(CtcDecoder.greedy(p).labels(), CtcDecoder.beam(p, 1).labels(), "trial " + trial);
        }
    }

    @Test
    void widerBeamFindsTheMoreProbableLabellingThatGreedyMisses() {
        // frames split between "blank" and label 1: the best path is all blanks (0.6^2 = 0.36), but
        // the label sequence "1" collects 0.4*0.4 + 0.4*0.6 + 0.6*0.4 = 0.64 over its three paths
        double[][] p = {{0.6, 0.4}, {0.6, 0.4}};
        assertArrayEquals(new int[0], CtcDecoder.greedy(p).labels());
        CtcDecoder.Decoded beam = CtcDecoder.beam(p, 4);
        assertArrayEquals(new int[] {1}, beam.labels());
        assertEquals(0.64, beam.confidence()[0], 1e-12, "the prefix's share of the beam");
    }

    @Test
    void errorRatesCountEditsOverTheReferenceLength() {
        ErrorRates.Tally tally = new ErrorRates.Tally();
        tally.add("one two three", "one too three four"); // a substitution and an insertion
        tally.add("five", "five");
        assertEquals(2 / 4.0, tally.wer(), 1e-12);
        assertEquals(0.5, tally.sentenceAccuracy(), 1e-12);
        assertEquals(1, ErrorRates.editDistance(List.of('a', 'b'), List.of('a')));
        assertTrue(tally.cer() > 0 && tally.cer() < tally.wer());
    }
}
