package io.rnnsuite.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The recurrent cell: a plain Elman RNN, {@code h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)}, an
 * LSTM whose forget / input / output gates and cell state keep information across long spans, or
 * a GRU, the cheaper gated variant (update and reset gates, no separate cell state).
 */
public enum CellType {
    /** DL4J {@code SimpleRnn}: one tanh layer, prone to vanishing and exploding gradients. */
    SIMPLE_RNN("simple_rnn"),
    /** DL4J {@code LSTM}: sigmoid gates, tanh cell input, no peepholes. */
    LSTM("lstm"),
    /**
     * Gated recurrent unit (Cho et al. 2014) in the "reset after" form used by cuDNN and PyTorch:
     * {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))}, {@code h' = (1 - z) * n + z * h}.
     * DL4J 1.0.0-M2.1 has no GRU layer; this one is rnn-suite's own ({@code --impl fast}).
     */
    GRU("gru");

    private final String cliName;

    CellType(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a cell name as typed by a user ({@code simple_rnn}, {@code rnn}, {@code lstm},
     * {@code gru}; case and dashes ignored).
     *
     * @throws UserInputException for any other name, listing the accepted ones
     */
    public static CellType parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (key) {
            case "simple_rnn":
            case "simplernn":
            case "rnn":
                return SIMPLE_RNN;
            case "lstm":
                return LSTM;
            case "gru":
                return GRU;
            default:
                throw new UserInputException("unknown cell type '" + text + "': expected one of "
                        + Arrays.stream(values()).map(CellType::cliName).collect(Collectors.joining(", ")));
        }
    }

    @Override
    public String toString() {
        return cliName;
    }
}
