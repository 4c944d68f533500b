package io.rnnsuite.charlm.cli;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.common.CellType;
import picocli.CommandLine.Option;

/** The flags of {@link CharLmConfig}; defaults from {@link CharLmConfig#defaults()}. */
public class CharLmOptions {

    private static final CharLmConfig DEFAULTS = CharLmConfig.defaults();

    @Option(names = "--cell", paramLabel = "CELL", description = "Recurrent cell: simple_rnn, lstm or gru (default: ${DEFAULT-VALUE}).")
    public String cell = DEFAULTS.cell().cliName();

    @Option(names = "--hidden", paramLabel = "N", description = "Units per recurrent layer (default: ${DEFAULT-VALUE}).")
    public int hidden = DEFAULTS.hiddenSize();

    @Option(names = "--layers", paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    public int layers = DEFAULTS.layers();

    @Option(names = "--dropout", paramLabel = "P",
            description = "Dropout on the inputs of the 2nd and later recurrent layers (default: ${DEFAULT-VALUE}).")
    public double dropout = DEFAULTS.dropout();

    @Option(names = "--sequence-length", paramLabel = "N", description = "Characters per training sequence (default: ${DEFAULT-VALUE}).")
    public int sequenceLength = DEFAULTS.sequenceLength();

    @Option(names = "--tbptt", paramLabel = "N",
            description = "Truncated-BPTT window (forward = backward); at most --sequence-length (default: ${DEFAULT-VALUE}).")
    public int tbptt = DEFAULTS.tbpttLength();

    @Option(names = "--min-char-count", paramLabel = "N",
            description = "Characters seen fewer times in the training part become UNK (default: ${DEFAULT-VALUE}).")
    public int minCharCount = DEFAULTS.minCharCount();

    public CharLmConfig toConfig() {
        return new CharLmConfig(CellType.parse(cell), hidden, layers, dropout, sequenceLength, tbptt, minCharCount,
                DEFAULTS.validationFraction(), DEFAULTS.testFraction());
    }
}
