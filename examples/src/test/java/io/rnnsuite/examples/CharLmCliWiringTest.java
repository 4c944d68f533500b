package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code rnn-suite charlm ...} reaches the registered char-lm app's commands with the suite's error policy. */
class CharLmCliWiringTest {

    @Test
    void charlmIsASubcommandAndUserErrorsExitWith2() {
        CommandLine cli = RnnSuiteCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute("charlm", "--help"));
        for (String sub : new String[] {"train", "evaluate", "predict", "compare", "sample"}) {
            assertTrue(out.toString().lines().anyMatch(l -> l.trim().startsWith(sub + " ")), sub + ": " + out);
        }
        assertEquals(2, cli.execute("charlm", "sample", "--model", "no-such-dir", "--temperature", "0"));
        assertTrue(err.toString().contains("--temperature"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, cli.execute("charlm", "train", "--time-budget", "60"));
        assertTrue(err.toString().contains("--time-budget"), "the budget flag is --budget DURATION: " + err);
    }
}
