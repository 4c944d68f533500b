package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code rnn-suite serve} and {@code rnn-suite serve bench} are wired in with the suite's error policy. */
class ServeCliWiringTest {

    @Test
    void serveIsASubcommandWithBenchAndAMissingModelsDirectoryExitsWith2() {
        CommandLine cli = RnnSuiteCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute("serve", "--help"));
        assertTrue(out.toString().contains("--models") && out.toString().contains("(default: 127.0.0.1)"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.trim().startsWith("bench ")), out.toString());
        assertEquals(2, cli.execute("serve", "--models", "no-such-dir", "--port", "0"));
        assertTrue(err.toString().startsWith("error: models directory no-such-dir does not exist"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, cli.execute("serve", "bench", "--models", "no-such-dir"));
        assertTrue(err.toString().startsWith("error: models directory"), err.toString());
    }
}
