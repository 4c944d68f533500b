package io.rnnsuite.common.cli;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import picocli.CommandLine.Option;

/** The flags that choose the recurrent part: cell type, size, depth, direction, dropout. */
public class RecurrentOptions {

    @Option(names = "--cell", paramLabel = "CELL",
            description = "Recurrent cell: simple_rnn, lstm or gru (default: ${DEFAULT-VALUE}).")
    public String cell = "lstm";

    @Option(names = "--hidden", paramLabel = "N", description = "Units per direction and layer (default: ${DEFAULT-VALUE}).")
    public int hidden = 32;

    @Option(names = "--layers", paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    public int layers = 1;

    @Option(names = "--bidirectional", description = "Read each sequence in both directions (default: ${DEFAULT-VALUE}).")
    public boolean bidirectional;

    @Option(names = "--dropout", paramLabel = "P",
            description = "Dropout on the inputs of the 2nd and later recurrent layers (default: ${DEFAULT-VALUE}).")
    public double dropout;

    public RecurrentSpec toSpec() {
        return new RecurrentSpec(CellType.parse(cell), hidden, layers, bidirectional, dropout);
    }
}
