package io.rnnsuite.layers;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One forward pass of a fast recurrent layer over a minibatch, in time-major layout (row
 * {@code t * batch + b} is sequence {@code b} at step {@code t}), kept for backpropagation.
 * Cells extend it with the buffers their backward pass needs.
 */
class RecurrentPass {
    final int batch;
    final int steps;
    final int inputs;
    final int hidden;
    /**
     * The input, time-major {@code [steps, batch, inputs]}; null when one-hot input was read where
     * it lay ({@link OneHotRows#symbolsInLayout}): then {@link #symbols} stands for it.
     */
    final INDArray x;
    /** Which step of each sequence each time-major step holds (input, output and their gradients alike). */
    final StepOrder order;
    /** One value per row ({@code t * batch + b}), or null when no step is padding. */
    final double[] mask;
    /** The state the pass started from (keys of the cell, values {@code [batch, hidden]}), or empty. */
    final Map<String, INDArray> initialState;
    /**
     * The symbol each input row reads when every row is one-hot ({@link OneHotRows}; -1 for an
     * all-zero row), else null: then the input products are gathers and sums instead.
     */
    final int[] symbols;
    /** The output, time-major {@code [steps, batch, hidden]}: filled by the cell. */
    INDArray output;

    RecurrentPass(int batch, int steps, int inputs, int hidden, INDArray x, int[] symbols, StepOrder order, double[] mask,
                  Map<String, INDArray> initialState) {
        this.batch = batch;
        this.steps = steps;
        this.inputs = inputs;
        this.hidden = hidden;
        this.x = x;
        this.symbols = symbols;
        this.order = order;
        this.mask = mask;
        this.initialState = initialState;
    }

    /** A copy of the common fields, for a cell's own pass type. */
    RecurrentPass(RecurrentPass p) {
        this(p.batch, p.steps, p.inputs, p.hidden, p.x, p.symbols, p.order, p.mask, p.initialState);
    }

    /** Rows in the whole pass. */
    int rows() {
        return batch * steps;
    }

    /** Element index of sequence {@code row}'s entry at step {@code t} in a time-major buffer {@code width} wide. */
    long at(int t, int row, int width) {
        return ((long) t * batch + row) * width;
    }

    /**
     * {@link #at} for the step before {@code t}; before step 0 that is the row of the initial
     * state (a {@code [batch, width]} buffer).
     */
    long before(int t, int row, int width) {
        return t == 0 ? (long) row * width : at(t - 1, row, width);
    }

    /** The initial state under {@code key} as memory, or null for the zero state. */
    Mem initial(String key) {
        INDArray state = initialState.get(key);
        return state == null ? null : Mem.of(state);
    }
}
