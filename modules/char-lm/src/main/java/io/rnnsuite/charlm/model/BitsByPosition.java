package io.rnnsuite.charlm.model;

import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.common.app.LengthBreakdown;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bits per character by position in the sequence: how well the network predicts a character
 * from the 1, 2, ..., L characters before it. The text is cut into consecutive windows of the
 * training sequence length L, each read from a cleared state (a full forward pass, not
 * {@code rnnTimeStep}, so a sampler's stored state is neither used nor disturbed); the character
 * after position p of a window is predicted from the p characters read so far. Positions are
 * bucketed with fixed edges 1, 2–5, 6–10, 11–25, 26–50, 51–100, 101–250, 251–500, ... cut at L, so
 * buckets line up across seeds of the same L. A plain RNN that forgets flattens out early; a
 * model that uses longer context keeps falling.
 */
public final class BitsByPosition {

    /** What the buckets measure. */
    public static final String AXIS = "position in the sequence";
    /** Windows per forward pass. */
    private static final int BATCH = 32;
    /** Floor for a probability before its logarithm (float softmax can round to 0), as {@link RnnCharModel}. */
    private static final double MIN_PROBABILITY = 1e-30;

    private BitsByPosition() {
    }

    /**
     * Scores every prediction in {@code text} (n − 1 of them: full windows of {@code sequenceLength},
     * then one shorter window for the rest) and averages −log₂ p(next character) per position bucket.
     */
    public static LengthBreakdown of(MultiLayerNetwork network, int vocabularySize, int[] text, int sequenceLength) {
        if (text.length < 2) {
            throw new IllegalArgumentException("need at least two characters to predict one");
        }
        int predictions = text.length - 1;
        double[] bits = new double[sequenceLength];
        int[] count = new int[sequenceLength];
        int fullWindows = predictions / sequenceLength;
        for (int first = 0; first < fullWindows; first += BATCH) {
            int[] starts = new int[Math.min(BATCH, fullWindows - first)];
            for (int w = 0; w < starts.length; w++) {
                starts[w] = (first + w) * sequenceLength;
            }
            score(network, vocabularySize, text, starts, sequenceLength, bits, count);
        }
        int rest = predictions - fullWindows * sequenceLength;
        if (rest > 0) {
            score(network, vocabularySize, text, new int[] {fullWindows * sequenceLength}, rest, bits, count);
        }
        int[] edges = upperEdges(sequenceLength);
        List<LengthBreakdown.Bucket> buckets = new ArrayList<>(edges.length);
        int lower = 1;
        for (int upper : edges) {
            double sumBits = 0;
            long sumPositions = 0;
            int n = 0;
            for (int p = lower; p <= upper; p++) {
                sumBits += bits[p - 1];
                sumPositions += (long) p * count[p - 1];
                n += count[p - 1];
            }
            if (n > 0) {
                buckets.add(new LengthBreakdown.Bucket(lower == upper ? String.valueOf(upper) : lower + "–" + upper,
                        (double) sumPositions / n, n, sumBits / n));
            }
            lower = upper + 1;
        }
        return new LengthBreakdown(AXIS, "bits_per_char", true, buckets);
    }

    /** Adds −log₂ p of each window's {@code length} next characters to {@code bits} and {@code count}, by position. */
    private static void score(MultiLayerNetwork network, int vocabularySize, int[] text, int[] starts, int length,
                              double[] bits, int[] count) {
        INDArray input = OneHot.sequences(text, starts, 0, length, vocabularySize);
        float[] out = network.output(input, false).dup('c').data().asFloat();
        for (int w = 0; w < starts.length; w++) {
            for (int t = 0; t < length; t++) {
                int target = text[starts[w] + t + 1];
                double p = out[(w * vocabularySize + target) * length + t];
                bits[t] -= Math.log(Math.max(p, MIN_PROBABILITY)) / Math.log(2);
                count[t]++;
            }
        }
    }

    /** 1, 5, 10, 25, 50, 100, 250, 500, 1000, ...: inclusive upper edges, the last cut to {@code sequenceLength}. */
    static int[] upperEdges(int sequenceLength) {
        List<Integer> edges = new ArrayList<>(List.of(1, 5));
        for (long scale = 10; edges.get(edges.size() - 1) < sequenceLength; scale *= 10) {
            edges.add((int) Math.min(scale, Integer.MAX_VALUE));
            edges.add((int) Math.min(scale * 5 / 2, Integer.MAX_VALUE));
            edges.add((int) Math.min(scale * 5, Integer.MAX_VALUE));
        }
        List<Integer> cut = new ArrayList<>();
        for (int edge : edges) {
            cut.add(Math.min(edge, sequenceLength));
            if (edge >= sequenceLength) {
                break;
            }
        }
        return cut.stream().mapToInt(Integer::intValue).toArray();
    }
}
