package io.rnnsuite.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.cli.CliErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabCommandTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CliErrors.install(new CommandLine(new LabCommand()));
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void parsesListsOfLengthsAndCells() {
        assertEquals(List.of(10, 25, 200), LabArguments.lengths(" 10, 25,200 "));
        assertEquals(List.of(CellType.SIMPLE_RNN, CellType.LSTM, CellType.GRU), LabArguments.cells("rnn,LSTM,gru"));
    }

    @Test
    void unknownCellIsOneLineAndExitTwo() {
        assertEquals(2, run("adding", "--cells", "gru2", "--quick"));
        assertTrue(err.toString().startsWith("error: unknown cell type 'gru2'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }

    @Test
    void emptyOrNonPositiveLengthsAreRejected() {
        assertEquals(2, run("adding", "--lengths", ""));
        assertEquals(2, run("copy", "--lengths", "10,0"));
        assertEquals(2, run("copy", "--lengths", "10,-5"));
        assertEquals(2, run("adding", "--lengths", "ten"));
        assertFalse(err.toString().contains("Exception"), err.toString());
        org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class, () -> LabArguments.lengths(" , "));
    }

    @Test
    void unwritableOutputDirectoryIsRejectedBeforeTraining(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertEquals(2, run("adding", "--quick", "--output-dir", file.resolve("sub").toString()));
        assertTrue(err.toString().startsWith("error: cannot write to output directory"), err.toString());
        assertEquals(2, run("gradients", "--quick", "--output-dir", file.resolve("sub").toString()));
    }

    @Test
    void everyOptionShowsItsDefault() {
        for (String sub : List.of("adding", "copy", "gradients")) {
            CommandLine cli = new CommandLine(new LabCommand()).getSubcommands().get(sub);
            String usage = cli.getUsageMessage();
            assertFalse(usage.contains("${DEFAULT-VALUE}"), usage);
            cli.getCommandSpec().options().stream()
                    .filter(o -> !o.usageHelp() && !o.versionHelp())
                    .forEach(o -> assertTrue(String.join(" ", o.description()).contains("default"), sub + " " + o.longestName()));
        }
        String adding = new CommandLine(new LabCommand()).getSubcommands().get("adding").getUsageMessage();
        assertTrue(adding.contains("10,25,50,100,200"), adding);
    }
}
