package io.rnnsuite.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The order in which a recurrent layer reads each sequence of a minibatch: {@link #step(int, int)}
 * is the sequence step that the layer's {@code t}-th step stands for.
 *
 * <p>The backward half of a bidirectional layer must start at each sequence's own last real step,
 * not at the end of the padded time axis: reading the padding first would carry state built from
 * padding into every real step, so a sequence padded in a batch would get other outputs than
 * alone. {@link #backwardsWithin} therefore reads each sequence's real steps (mask non-zero) last
 * first, and its padded steps after them in their own order; with padding at the end a sequence of
 * length {@code n} reads {@code n-1, .., 0, n, .., steps-1}.
 */
final class StepOrder {

    private final int steps;
    private final boolean reversed;
    /** {@code [b * steps + t]}: the sequence step read at step t, or null when the same for every sequence. */
    private final int[] perSequence;

    private StepOrder(int steps, boolean reversed, int[] perSequence) {
        this.steps = steps;
        this.reversed = reversed;
        this.perSequence = perSequence;
    }

    /** Every sequence first step first. */
    static StepOrder forwards(int steps) {
        return new StepOrder(steps, false, null);
    }

    /** Every sequence last step first, the whole time axis (no mask: every step is real). */
    static StepOrder backwards(int steps) {
        return new StepOrder(steps, true, null);
    }

    /**
     * Each sequence's real steps last first, then its padded steps in order; the whole axis
     * reversed when {@code mask} is null. {@code mask} is {@code [batch, steps]} (or
     * {@code [batch, 1, steps]}), non-zero on real steps.
     */
    static StepOrder backwardsWithin(INDArray mask, int batch, int steps) {
        if (mask == null) {
            return backwards(steps);
        }
        double[][] byBatch = maskMatrix(mask, batch, steps);
        int[] order = new int[batch * steps];
        boolean padded = false;
        for (int b = 0; b < batch; b++) {
            int at = b * steps;
            for (int t = steps - 1; t >= 0; t--) {
                if (byBatch[b][t] != 0) {
                    order[at++] = t;
                }
            }
            for (int t = 0; t < steps; t++) {
                if (byBatch[b][t] == 0) {
                    order[at++] = t;
                    padded = true;
                }
            }
        }
        return padded ? new StepOrder(steps, true, order) : backwards(steps);
    }

    /** The sequence step of {@code sequence} that step {@code t} reads. */
    int step(int sequence, int t) {
        if (perSequence != null) {
            return perSequence[sequence * steps + t];
        }
        return reversed ? steps - 1 - t : t;
    }

    /** Whether every sequence is read in the same order (then {@code step(b, t)} does not depend on b). */
    boolean uniform() {
        return perSequence == null;
    }

    /** Whether this is the plain first-step-first order. */
    boolean isForwards() {
        return perSequence == null && !reversed;
    }

    int steps() {
        return steps;
    }

    /**
     * {@code mask} in this order: {@code [b, t]} is the mask of the step that step t reads
     * ({@code [batch, steps]}, {@code mask}'s type; null for null). Read backwards within the
     * mask, a mask with padding at the end comes out as it went in.
     */
    INDArray reorderMask(INDArray mask, int batch) {
        if (mask == null) {
            return null;
        }
        double[][] byBatch = maskMatrix(mask, batch, steps);
        double[][] reordered = new double[batch][steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                reordered[b][t] = byBatch[b][step(b, t)];
            }
        }
        DataType type = mask.dataType().isFPType() ? mask.dataType() : DataType.FLOAT;
        return org.nd4j.linalg.factory.Nd4j.createFromArray(reordered).castTo(type);
    }

    /** The mask as {@code [batch][steps]} doubles, checked against the minibatch's shape. */
    static double[][] maskMatrix(INDArray mask, int batch, int steps) {
        INDArray matrix = mask.rank() == 3 ? mask.reshape(mask.size(0), mask.size(2)) : mask;
        if (matrix.rank() != 2 || matrix.size(0) != batch || matrix.size(1) != steps) {
            throw new IllegalStateException("mask shape " + java.util.Arrays.toString(mask.shape())
                    + " does not match minibatch " + batch + " x " + steps + " steps");
        }
        return matrix.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
