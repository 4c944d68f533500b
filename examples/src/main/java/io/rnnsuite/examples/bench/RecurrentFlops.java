package io.rnnsuite.examples.bench;

import io.rnnsuite.common.CellType;

/**
 * The arithmetic the benchmark credits a recurrent layer with: only the matrix products, two
 * FLOPs (multiply and add) per weight per sample and time step. One direction of one layer with
 * {@code G} gate blocks ({@code G} = 1 for a plain RNN, 3 for a GRU, 4 for an LSTM) multiplies
 * the input by a {@code I×GH} matrix and the previous state by a {@code H×GH} one:
 *
 * <pre>
 *   forward FLOPs per sample per step = 2·G·H·(I + H)    (SimpleRnn 2·H·(I+H), GRU 6·H·(I+H), LSTM 8·H·(I+H))
 *   training FLOPs                    ≈ 3 × forward       (backward: one product for the input/state
 *                                                          gradients and one for the weight gradients)
 * </pre>
 *
 * Summed over layers (the second and later read the previous layer's output, 2H wide when
 * bidirectional) and directions, times batch × steps. Element-wise gate maths, biases and the
 * output layer are not counted, so achieved GFLOP/s is a slight underestimate of work done.
 */
public final class RecurrentFlops {

    /** Training ≈ this many forward passes' worth of products. */
    public static final double TRAINING_FACTOR = 3.0;

    private RecurrentFlops() {
    }

    /** Gate blocks per cell: the number of {@code H}-wide products per step. */
    public static int gateBlocks(CellType cell) {
        switch (cell) {
            case SIMPLE_RNN:
                return 1;
            case GRU:
                return 3;
            case LSTM:
                return 4;
            default:
                throw new IllegalArgumentException("unhandled cell " + cell);
        }
    }

    /** Forward FLOPs of one direction of one layer, per sample and time step. */
    public static double forwardPerStep(CellType cell, int inputs, int hidden) {
        return 2.0 * gateBlocks(cell) * hidden * ((double) inputs + hidden);
    }

    /** Forward FLOPs of the whole recurrent stack over one batch. */
    public static double forwardPerBatch(BenchCase c) {
        int directions = c.bidirectional() ? 2 : 1;
        double perStep = 0;
        for (int layer = 0; layer < c.layers(); layer++) {
            int layerInputs = layer == 0 ? c.inputs() : c.outputSize();
            perStep += directions * forwardPerStep(c.cell(), layerInputs, c.hidden());
        }
        return perStep * c.batch() * c.steps();
    }

    /** Training FLOPs (forward + backward) of the whole stack over one batch. */
    public static double trainingPerBatch(BenchCase c) {
        return TRAINING_FACTOR * forwardPerBatch(c);
    }
}
