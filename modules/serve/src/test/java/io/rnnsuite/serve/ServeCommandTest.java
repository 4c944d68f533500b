package io.rnnsuite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.cli.CliErrors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code serve} command's flags and its {@code bench} subcommand, end to end on the tiny models. */
class ServeCommandTest {

    @TempDir
    Path tmp;

    private static ServeCommand parsed(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void bindsLoopbackByDefaultAndWarnsThatAnotherHostHasNoAuthentication() throws Exception {
        ServeCommand loopback = parsed("--models", TinyModels.root().toString(), "--reports", tmp.toString(), "--port", "0");
        assertEquals("127.0.0.1", loopback.host);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        try (PlaygroundServer server = loopback.start(new PrintWriter(out), new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"), server.baseUrl());
            assertTrue(out.toString().startsWith("serving 5 model(s)"), out.toString());
        }
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("authentication"), err.toString(StandardCharsets.UTF_8));

        ServeCommand exposed = parsed("--models", TinyModels.root().toString(), "--port", "0", "--host", "0.0.0.0");
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        try (PlaygroundServer server = exposed.start(new PrintWriter(new StringWriter()),
                new PrintStream(warned, true, StandardCharsets.UTF_8))) {
            assertTrue(server.port() > 0);
        }
        assertTrue(warned.toString(StandardCharsets.UTF_8).startsWith("warning: --host 0.0.0.0")
                && warned.toString(StandardCharsets.UTF_8).contains("no authentication"), warned.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingModelsDirectoryIsOneErrorLineAndExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine line = CliErrors.install(new CommandLine(new ServeCommand()));
        line.setErr(new PrintWriter(err, true));
        assertEquals(2, line.execute("--models", tmp.resolve("missing").toString(), "--port", "0"));
        assertTrue(err.toString().startsWith("error: models directory ") && err.toString().trim().lines().count() == 1, err.toString());
        assertEquals(2, line.execute("--workers", "0", "--models", tmp.toString()));
    }

    @Test
    void benchLoadsEveryEndpointAndPrintsPercentilesThroughputAndNoErrors() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine line = CliErrors.install(new CommandLine(new ServeCommand()));
        line.setOut(new PrintWriter(out, true));
        int code = line.execute("bench", "--models", TinyModels.root().toString(), "--clients", "2", "--requests", "3",
                "--warmup", "1");
        String text = out.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains("p50 ms") && text.contains("p99 ms") && text.contains("requests/s"), text);
        for (String endpoint : new String[] {"GET /api/models", "sample", "complete", "classify", "translate", "forecast",
                "recognise"}) {
            assertTrue(text.contains(" " + endpoint + " "), endpoint + " in\n" + text);
        }
        assertTrue(text.contains("errors: 0"), text);
        assertTrue(text.contains("heap in use after GC"), text);
    }
}
