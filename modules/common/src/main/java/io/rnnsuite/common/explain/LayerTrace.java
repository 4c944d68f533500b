package io.rnnsuite.common.explain;

import java.util.Map;

/**
 * One recurrent layer's values at every step of a sequence, indexed {@code [step][unit]}. A
 * bidirectional layer holds both directions side by side, as its output does: units
 * {@code 0 .. H-1} read forwards, {@code H .. 2H-1} backwards (the backward half's value at a
 * step is its state after reading the sequence from the end down to that step).
 *
 * @param cell       {@code simple_rnn}, {@code lstm} or {@code gru}
 * @param directions 1, or 2 for a bidirectional layer
 * @param hidden     the hidden state (the layer's output) after each step
 * @param cells      the LSTM cell state after each step; {@code null} for the other cells
 * @param gates      the gate activations by name, in (0, 1): LSTM {@code forget}, {@code input},
 *                   {@code output}; GRU {@code update} (the share of the old state kept) and
 *                   {@code reset}; none for a SimpleRnn
 */
public record LayerTrace(String cell, int directions, double[][] hidden, double[][] cells, Map<String, double[][]> gates) {

    /** The number of units (both directions of a bidirectional layer). */
    public int units() {
        return hidden.length == 0 ? 0 : hidden[0].length;
    }

    public int steps() {
        return hidden.length;
    }

    /** The gate that decides how much of the old state survives a step: LSTM forget, GRU update; none for a SimpleRnn. */
    public String keepGate() {
        return keepGate(cell);
    }

    /** {@link #keepGate()} of a cell type. */
    public static String keepGate(String cell) {
        return switch (cell) {
            case "lstm" -> "forget";
            case "gru" -> "update";
            default -> null;
        };
    }
}
