package io.rnnsuite.common;

import java.util.Locale;

/**
 * Everything that decides the recurrent part of a network.
 *
 * @param cell          plain RNN, LSTM or GRU
 * @param hiddenSize    units per direction in each recurrent layer
 * @param layers        stacked recurrent layers (1 = a single layer)
 * @param bidirectional whether every recurrent layer reads the sequence both ways (outputs concatenated)
 * @param dropout       probability of dropping an input of the second and later recurrent layers
 *                      (0 = none); the first layer's input is never dropped
 * @param impl          rnn-suite's fast layers (default) or DL4J's stock ones; same maths and
 *                      parameters, so a model trained with one runs with the other
 */
public record RecurrentSpec(CellType cell, int hiddenSize, int layers, boolean bidirectional, double dropout,
                            RecurrentImpl impl) {

    public RecurrentSpec {
        if (cell == null) {
            throw new UserInputException("a cell type is required");
        }
        if (impl == null) {
            impl = RecurrentImpl.FAST; // e.g. a run.json written before the implementation was recorded
        }
        if (impl == RecurrentImpl.STOCK && cell == CellType.GRU) {
            throw new UserInputException("--impl stock has no GRU: DL4J 1.0.0-M2.1 has no GRU layer;"
                    + " use --impl fast (the default) for --cell gru");
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

    /** The spec built with rnn-suite's fast layers ({@link RecurrentImpl#FAST}, the default). */
    public RecurrentSpec(CellType cell, int hiddenSize, int layers, boolean bidirectional, double dropout) {
        this(cell, hiddenSize, layers, bidirectional, dropout, RecurrentImpl.FAST);
    }

    /** The same spec with {@code units} per direction and layer. */
    public RecurrentSpec withHiddenSize(int units) {
        return new RecurrentSpec(cell, units, layers, bidirectional, dropout, impl);
    }

    /** The same spec built with the given implementation. */
    public RecurrentSpec withImpl(RecurrentImpl implementation) {
        return new RecurrentSpec(cell, hiddenSize, layers, bidirectional, dropout, implementation);
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
     * {@code gru}, or a {@code bi} prefix ({@code bilstm}, {@code bisimple_rnn}) for the bidirectional form.
     */
    public static RecurrentSpec parseVariant(String name, int hiddenSize, int layers, double dropout) {
        return parseVariant(name, hiddenSize, layers, false, dropout, RecurrentImpl.FAST);
    }

    /**
     * As {@link #parseVariant(String, int, int, double)}, with the implementation and a flag that
     * makes every variant bidirectional ({@code --bidirectional}).
     */
    public static RecurrentSpec parseVariant(String name, int hiddenSize, int layers, boolean allBidirectional,
                                             double dropout, RecurrentImpl impl) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        boolean bi = key.startsWith("bi") && !key.equals("bi");
        CellType cell = CellType.parse(bi ? key.substring(2).replaceFirst("^_", "") : key);
        return new RecurrentSpec(cell, hiddenSize, layers, bi || allBidirectional, dropout, impl);
    }
}
