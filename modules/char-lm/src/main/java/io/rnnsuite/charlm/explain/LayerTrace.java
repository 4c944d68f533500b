package io.rnnsuite.charlm.explain;

import java.util.Map;

/**
 * One recurrent layer's values at every step of a text, indexed {@code [step][unit]}.
 *
 * @param cell   {@code simple_rnn}, {@code lstm} or {@code gru}
 * @param hidden the hidden state (the layer's output) after each character
 * @param cells  the LSTM cell state after each character; {@code null} for the other cells
 * @param gates  the gate activations by name, in (0, 1): LSTM {@code forget}, {@code input},
 *               {@code output}; GRU {@code update} (the share of the old state kept) and
 *               {@code reset}; none for a SimpleRnn
 */
public record LayerTrace(String cell, double[][] hidden, double[][] cells, Map<String, double[][]> gates) {

    /** The number of units. */
    public int units() {
        return hidden.length == 0 ? 0 : hidden[0].length;
    }

    public int steps() {
        return hidden.length;
    }

    /** The gate that decides how much of the old state survives a step: LSTM forget, GRU update; none for a SimpleRnn. */
    public String keepGate() {
        return switch (cell) {
            case "lstm" -> "forget";
            case "gru" -> "update";
            default -> null;
        };
    }
}
