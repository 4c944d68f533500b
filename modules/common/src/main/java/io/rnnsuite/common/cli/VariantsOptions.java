package io.rnnsuite.common.cli;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.Variants;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of every {@code compare} command: which recurrent variants to train side by side. Every
 * variant gets the same width, depth, dropout and implementation; {@code bi}-prefixed names (or
 * {@code --bidirectional}) read both ways.
 */
public class VariantsOptions {

    /** The variants compared when {@code --cells} is not given. */
    public static final List<String> DEFAULT_CELLS = List.of("simple_rnn", "lstm", "gru", "bilstm");

    @Option(names = "--cells", paramLabel = "CELL,...", split = ",", completionCandidates = CellNames.class,
            description = "Variants to train side by side: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public List<String> cells = new ArrayList<>(DEFAULT_CELLS);

    @Option(names = "--hidden", converter = Ranges.ZeroOrMore.class, paramLabel = "N", description = "Units per direction and layer; 0 = the width each app's comparison uses, named on the page's setup line (default: ${DEFAULT-VALUE}).")
    public int hidden;

    @Option(names = "--layers", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    public int layers = 1;

    @Option(names = "--bidirectional", description = "Make every variant bidirectional (default: ${DEFAULT-VALUE}).")
    public boolean bidirectional;

    @Option(names = "--dropout", converter = Ranges.Fraction.class, paramLabel = "P",
            description = "Dropout on the inputs of the 2nd and later recurrent layers (default: ${DEFAULT-VALUE}).")
    public double dropout;

    @Option(names = "--impl", paramLabel = "IMPL",
            description = "Recurrent layers: fast (rnn-suite's own) or stock (DL4J's SimpleRnn/LSTM; no GRU) (default: ${DEFAULT-VALUE}).")
    public String impl = "fast";

    public VariantsOptions() {
        this(32);
    }

    /** The flags with an app's default width. */
    public VariantsOptions(int defaultHidden) {
        hidden = defaultHidden;
    }

    /** The variants as named, before they meet an app. */
    public Variants toVariants() {
        return new Variants(cells, hidden, layers, bidirectional, dropout, RecurrentImpl.parse(impl));
    }

    /** The variants as specs, in the order given; a name repeated is trained once. */
    public List<RecurrentSpec> toSpecs() {
        if (hidden < 1) {
            throw new UserInputException("--hidden must be at least 1, got " + hidden);
        }
        return toVariants().specs(hidden);
    }

    /** Every cell type and its bidirectional form, as {@link RecurrentSpec#parseVariant} reads them. */
    public static final class CellNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (CellType cell : CellType.values()) {
                names.add(cell.cliName());
            }
            for (CellType cell : CellType.values()) {
                names.add("bi" + cell.cliName());
            }
            return names.iterator();
        }
    }
}
