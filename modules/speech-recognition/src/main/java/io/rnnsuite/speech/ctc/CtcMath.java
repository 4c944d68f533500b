package io.rnnsuite.speech.ctc;

/**
 * The CTC loss of one sequence and its exact gradient with respect to the logits (the softmax's
 * inputs), by the forward–backward recursions in log space (Graves et al. 2006).
 *
 * <p>The target {@code l} (labels ≥ 1; 0 is the blank) is extended to {@code l'} = blank, l1, blank,
 * l2, …, blank (length 2U + 1). {@code α_t(s)} is the log probability of all paths through frames
 * 0…t that are in state s at t (emissions up to t included); {@code β_t(s)} that of emitting frames
 * t+1…T-1 from state s and ending in one of the two final states. Then {@code p = Σ_s α_t(s) β_t(s)}
 * for every t, the state occupancy is {@code γ_t(s) = α_t(s) β_t(s) / p}, and with {@code y = softmax(u)}
 * the gradient of {@code -log p} is {@code ∂/∂u_tk = y_tk - Σ_{s: l'_s = k} γ_t(s)}.
 */
public final class CtcMath {

    /** The blank label's index. */
    public static final int BLANK = 0;

    /**
     * The loss and gradient of one sequence.
     *
     * @param loss     {@code -log p(target | input)}
     * @param gradient {@code [T][C]}, the loss's gradient with respect to the logits
     */
    public record Result(double loss, double[][] gradient) {
    }

    private CtcMath() {
    }

    /** Log-softmax of each row. */
    public static double[][] logSoftmax(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int t = 0; t < logits.length; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[t]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : logits[t]) {
                sum += Math.exp(v - max);
            }
            double log = max + Math.log(sum);
            out[t] = new double[logits[t].length];
            for (int k = 0; k < logits[t].length; k++) {
                out[t][k] = logits[t][k] - log;
            }
        }
        return out;
    }

    /** Whether {@code frames} frames can hold {@code target} (one frame per label, plus a blank between repeats). */
    public static boolean feasible(int[] target, int frames) {
        return minimumFrames(target) <= frames;
    }

    /** The fewest frames a path for {@code target} needs. */
    public static int minimumFrames(int[] target) {
        int needed = target.length;
        for (int i = 1; i < target.length; i++) {
            if (target[i] == target[i - 1]) {
                needed++;
            }
        }
        return needed;
    }

    /**
     * The loss and gradient for {@code logits} ({@code [T][C]}) and {@code target} (labels 1 … C-1).
     *
     * @throws IllegalArgumentException if no path of T frames produces the target
     */
    public static Result lossAndGradient(double[][] logits, int[] target) {
        int frames = logits.length;
        if (!feasible(target, frames)) {
            throw new IllegalArgumentException("a target of " + target.length + " labels needs at least "
                    + minimumFrames(target) + " frames, got " + frames);
        }
        double[][] logY = logSoftmax(logits);
        int states = 2 * target.length + 1;
        int[] ext = new int[states];
        for (int s = 0; s < states; s++) {
            ext[s] = s % 2 == 0 ? BLANK : target[s / 2];
        }
        double[][] alpha = new double[frames][states];
        double[][] beta = new double[frames][states];
        for (double[] row : alpha) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        for (double[] row : beta) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        alpha[0][0] = logY[0][ext[0]];
        if (states > 1) {
            alpha[0][1] = logY[0][ext[1]];
        }
        for (int t = 1; t < frames; t++) {
            for (int s = 0; s < states; s++) {
                double a = alpha[t - 1][s];
                if (s >= 1) {
                    a = logAdd(a, alpha[t - 1][s - 1]);
                }
                if (s >= 2 && ext[s] != BLANK && ext[s] != ext[s - 2]) {
                    a = logAdd(a, alpha[t - 1][s - 2]);
                }
                alpha[t][s] = a + logY[t][ext[s]];
            }
        }
        beta[frames - 1][states - 1] = 0;
        if (states > 1) {
            beta[frames - 1][states - 2] = 0;
        }
        for (int t = frames - 2; t >= 0; t--) {
            for (int s = 0; s < states; s++) {
                double b = beta[t + 1][s] + logY[t + 1][ext[s]];
                if (s + 1 < states) {
                    b = logAdd(b, beta[t + 1][s + 1] + logY[t + 1][ext[s + 1]]);
                }
                if (s + 2 < states && ext[s + 2] != BLANK && ext[s + 2] != ext[s]) {
                    b = logAdd(b, beta[t + 1][s + 2] + logY[t + 1][ext[s + 2]]);
                }
                beta[t][s] = b;
            }
        }
        double logP = alpha[frames - 1][states - 1];
        if (states > 1) {
            logP = logAdd(logP, alpha[frames - 1][states - 2]);
        }
        int classes = logits[0].length;
        double[][] gradient = new double[frames][classes];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < classes; k++) {
                gradient[t][k] = Math.exp(logY[t][k]);
            }
            for (int s = 0; s < states; s++) {
                double occupancy = alpha[t][s] + beta[t][s] - logP;
                if (occupancy > Double.NEGATIVE_INFINITY) {
                    gradient[t][ext[s]] -= Math.exp(occupancy);
                }
            }
        }
        return new Result(-logP, gradient);
    }

    /** {@code log(e^a + e^b)} without overflow. */
    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
