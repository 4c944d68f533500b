package io.rnnsuite.common.cli;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import picocli.CommandLine.Option;

/** The flags that choose the recurrent part of one model: cell type, size, depth, direction, dropout, implementation. */
public class RecurrentOptions {

    @Option(names = "--cell", paramLabel = "CELL",
            description = "Recurrent cell: simple_rnn, lstm or gru (default: ${DEFAULT-VALUE}).")
    public String cell = "lstm";

    @Option(names = "--hidden", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Units per direction and layer (default: ${DEFAULT-VALUE}).")
    public int hidden = 32;

    @Option(names = "--layers", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    public int layers = 1;

    @Option(names = "--bidirectional", description = "Read each sequence in both directions (default: ${DEFAULT-VALUE}).")
    public boolean bidirectional;

    @Option(names = "--dropout", converter = Ranges.Fraction.class, paramLabel = "P",
            description = "Dropout on the inputs of the 2nd and later recurrent layers (default: ${DEFAULT-VALUE}).")
    public double dropout;

    @Option(names = "--impl", paramLabel = "IMPL",
            description = "Recurrent layers: fast (rnn-suite's own) or stock (DL4J's SimpleRnn/LSTM; no GRU) (default: ${DEFAULT-VALUE}).")
    public String impl = "fast";

    public RecurrentOptions() {
    }

    /** The flags with another default spec (an app's own defaults). */
    public RecurrentOptions(RecurrentSpec defaults) {
        cell = defaults.cell().cliName();
        hidden = defaults.hiddenSize();
        layers = defaults.layers();
        bidirectional = defaults.bidirectional();
        dropout = defaults.dropout();
        impl = defaults.impl().cliName();
    }

    public RecurrentSpec toSpec() {
        return new RecurrentSpec(CellType.parse(cell), hidden, layers, bidirectional, dropout, RecurrentImpl.parse(impl));
    }
}
