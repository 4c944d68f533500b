package io.rnnsuite.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which implementation of a recurrent cell a network is built with. Both compute the same
 * function with the same parameter layout; they differ only in speed.
 */
public enum RecurrentImpl {
    /**
     * rnn-suite's own layers ({@link io.rnnsuite.layers}): all time steps' input
     * projections and all weight gradients as single large matrix products, BLAS called directly,
     * the element-wise gate maths fused in one pass. The default; the only one with a GRU.
     */
    FAST("fast"),
    /** DL4J 1.0.0-M2.1's own {@code SimpleRnn} and {@code LSTM} layers, for comparison. */
    STOCK("stock");

    private final String cliName;

    RecurrentImpl(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses {@code fast} or {@code stock} (case ignored); anything else is a user error. */
    public static RecurrentImpl parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (RecurrentImpl impl : values()) {
            if (impl.cliName.equals(key)) {
                return impl;
            }
        }
        throw new UserInputException("unknown implementation '" + text + "': expected one of "
                + Arrays.stream(values()).map(RecurrentImpl::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
