package io.rnnsuite.speech.ctc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-frame label probabilities into a label sequence: greedy (best path: the most probable
 * label of every frame, repeats collapsed, blanks removed) or prefix beam search, which keeps the
 * {@code width} most probable prefixes, each scored by the summed probability of every path that
 * collapses to it (ending in a blank or not, tracked apart so that "a a" and "a blank a" differ).
 */
public final class CtcDecoder {

    /**
     * A decoded sequence.
     *
     * @param labels     labels (≥ 1), blanks removed
     * @param confidence per label: the highest probability it had in the frames that emitted it (greedy),
     *                   or the prefix's share of the beam's probability (beam search)
     */
    public record Decoded(int[] labels, double[] confidence) {
    }

    private CtcDecoder() {
    }

    /** Best-path decoding of {@code probabilities} ({@code [T][C]}). */
    public static Decoded greedy(double[][] probabilities) {
        List<Integer> labels = new ArrayList<>();
        List<Double> confidence = new ArrayList<>();
        int previous = CtcMath.BLANK;
        for (double[] frame : probabilities) {
            int best = argmax(frame);
            if (best != CtcMath.BLANK && best != previous) {
                labels.add(best);
                confidence.add(frame[best]);
            } else if (best != CtcMath.BLANK) {
                int last = confidence.size() - 1;
                confidence.set(last, Math.max(confidence.get(last), frame[best]));
            }
            previous = best;
        }
        return new Decoded(labels.stream().mapToInt(Integer::intValue).toArray(),
                confidence.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Prefix beam search keeping {@code width} prefixes. */
    public static Decoded beam(double[][] probabilities, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("beam width must be at least 1, got " + width);
        }
        Map<Prefix, double[]> beams = new HashMap<>(); // prefix -> {log p ending in blank, log p ending in a label}
        beams.put(new Prefix(new int[0]), new double[] {0, Double.NEGATIVE_INFINITY});
        for (double[] frame : probabilities) {
            Map<Prefix, double[]> next = new HashMap<>();
            for (Map.Entry<Prefix, double[]> entry : beams.entrySet()) {
                int[] prefix = entry.getKey().labels;
                double pb = entry.getValue()[0];
                double pnb = entry.getValue()[1];
                int last = prefix.length == 0 ? -1 : prefix[prefix.length - 1];
                for (int k = 0; k < frame.length; k++) {
                    double logY = Math.log(frame[k]);
                    if (k == CtcMath.BLANK) {
                        add(next, entry.getKey(), CtcMath.logAdd(pb, pnb) + logY, 0);
                    } else if (k == last) {
                        add(next, entry.getKey(), pnb + logY, 1);            // the repeat collapses
                        add(next, extend(prefix, k), pb + logY, 1);          // after a blank: a new label
                    } else {
                        add(next, extend(prefix, k), CtcMath.logAdd(pb, pnb) + logY, 1);
                    }
                }
            }
            List<Map.Entry<Prefix, double[]>> sorted = new ArrayList<>(next.entrySet());
            sorted.sort(Comparator.comparingDouble((Map.Entry<Prefix, double[]> e) -> -total(e.getValue()))
                    .thenComparing(e -> Arrays.toString(e.getKey().labels)));
            beams = new HashMap<>();
            for (int i = 0; i < Math.min(width, sorted.size()); i++) {
                beams.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            }
        }
        double all = Double.NEGATIVE_INFINITY;
        Map.Entry<Prefix, double[]> best = null;
        for (Map.Entry<Prefix, double[]> e : beams.entrySet()) {
            all = CtcMath.logAdd(all, total(e.getValue()));
            if (best == null || total(e.getValue()) > total(best.getValue())) {
                best = e;
            }
        }
        int[] labels = best.getKey().labels;
        double[] confidence = new double[labels.length];
        Arrays.fill(confidence, Math.exp(total(best.getValue()) - all));
        return new Decoded(labels, confidence);
    }

    private static double total(double[] p) {
        return CtcMath.logAdd(p[0], p[1]);
    }

    private static void add(Map<Prefix, double[]> beams, Prefix prefix, double logP, int which) {
        double[] p = beams.computeIfAbsent(prefix, x -> new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
        p[which] = CtcMath.logAdd(p[which], logP);
    }

    private static Prefix extend(int[] prefix, int label) {
        int[] longer = Arrays.copyOf(prefix, prefix.length + 1);
        longer[prefix.length] = label;
        return new Prefix(longer);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A label sequence usable as a map key. */
    private record Prefix(int[] labels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Prefix p && Arrays.equals(labels, p.labels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(labels);
        }
    }
}
