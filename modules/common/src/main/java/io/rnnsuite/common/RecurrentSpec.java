package io.rnnsuite.common;

import java.util.Locale;

/**
 * Everything that decides the recurrent part of a network.
 *
 * @param cell          plain RNN or LSTM
 * @param hiddenSize    units per direction in each recurrent layer
 * @param layers        stacked recurrent layers (1 = a single layer)
 * @param bidirectional whether every recurrent layer reads the sequence both ways (outputs concatenated)
 * @param dropout       probability of dropping an input of the second and later recurrent layers
 *                      (0 = none); the first layer's input is never dropped
 */
public record RecurrentSpec(CellType cell, int hiddenSize, int layers, boolean bidirectional, double dropout) {

    public RecurrentSpec {
        if (cell == null) {
            throw new UserInputException("a cell type is required");
        }
        if (hiddenSize < 1) {
            throw new UserInputException("--hidden must be at least 1, got " + hiddenSize);
        }
        if (layers < 1) {
            throw new UserInputException("--layers must be at least 1, got " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new UserInputException("--dropout must be in [0, 1), got " + dropout);
        }
    }

    /** Width of what one recurrent layer emits per time step (doubled when bidirectional). */
    public int outputSize() {
        return bidirectional ? 2 * hiddenSize : hiddenSize;
    }

    /** Short name for tables and file names: {@code lstm}, {@code bilstm}, {@code 2x_simple_rnn}. */
    public String label() {
        String base = (bidirectional ? "bi" : "") + cell.cliName();
        return layers > 1 ? layers + "x_" + base : base;
    }

    /**
     * Parses a model variant as used by {@code compare --cells}: {@code simple_rnn}, {@code lstm},
     * or a {@code bi} prefix ({@code bilstm}, {@code bisimple_rnn}) for the bidirectional form.
     */
    public static RecurrentSpec parseVariant(String name, int hiddenSize, int layers, double dropout) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        boolean bi = key.startsWith("bi") && !key.equals("bi");
        CellType cell = CellType.parse(bi ? key.substring(2).replaceFirst("^_", "") : key);
        return new RecurrentSpec(cell, hiddenSize, layers, bi, dropout);
    }
}
