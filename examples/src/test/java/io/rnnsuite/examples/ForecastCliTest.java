package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The forecast commands through the real command line: exit codes and one-line errors. */
class ForecastCliTest {

    /** Exit code, stdout and stderr of one command line. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        CommandLine commandLine = RnnSuiteCommand.newCommandLine();
        commandLine.setErr(new PrintWriter(err));
        try {
            PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            commandLine.setOut(new PrintWriter(capture, true));
            int code = commandLine.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(previous);
        }
    }

    static void assertUserError(Outcome outcome, String expectedStart) {
        assertEquals(2, outcome.code(), outcome.err());
        assertTrue(outcome.err().startsWith("error: " + expectedStart), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
    }

    @Test
    void badInputsGiveOneLineAndExitCode2(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertUserError(run("forecast", "train", "--csv", tmp.resolve("missing.csv").toString(), "--output-dir", out.toString()),
                "file " + tmp.resolve("missing.csv") + " does not exist");
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertUserError(run("forecast", "train", "--csv", empty.toString(), "--output-dir", out.toString()),
                empty + " is empty");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "t,v\n1,2\n2,x\n");
        assertUserError(run("forecast", "train", "--csv", bad.toString(), "--output-dir", out.toString()),
                bad + ", line 3, column 'v': 'x' is not a number");
        assertUserError(run("forecast", "train", "--dataset", "airpassenger", "--output-dir", out.toString()),
                "unknown dataset 'airpassenger': expected one of airpassengers");
        assertUserError(run("forecast", "train", "--cell", "gru7", "--output-dir", out.toString()), "unknown cell type 'gru7'");
        assertUserError(run("forecast", "train", "--dataset", "airpassengers", "--target", "nope", "--output-dir", out.toString()),
                "airpassengers: no column 'nope'");
        assertUserError(run("forecast", "train", "--epochs", "0"), "--epochs must be at least 1");
        assertUserError(run("forecast", "train", "--bogus"), "Unknown option: '--bogus'");
        assertUserError(run("forecast", "evaluate", "--model", tmp.resolve("nothing").toString()), "model directory");
        assertUserError(run("forecast", "compare", "--cells", "lstm,gru7"), "unknown cell type 'gru7'");
        assertUserError(run("compare", "--apps", "nope"), "unknown app 'nope'");
        assertFalse(Files.exists(out), "nothing written for bad input");
    }

    @Test
    void multivariateInputGoesThroughTheSamePath(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("seatbelts");
        Outcome trained = run("forecast", "train", "--dataset", "uk-seatbelts", "--target", "DriversKilled",
                "--features", "front,rear,PetrolPrice,law", "--cell", "lstm", "--hidden", "8", "--epochs", "2",
                "--output-dir", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(Files.readString(model.resolve("report.md")).contains("inputs also front, rear, PetrolPrice, law"));
        assertTrue(Files.readString(model.resolve("forecast-config.json")).contains("\"PetrolPrice\""));
        assertUserError(run("forecast", "train", "--dataset", "uk-seatbelts", "--features", "front,fuel",
                "--output-dir", tmp.resolve("x").toString()), "uk-seatbelts: no column 'fuel'");
    }

    @Test
    void helpShowsDefaults() {
        assertEquals(0, run("forecast", "train", "--help").code());
        String text = RnnSuiteCommand.newCommandLine().getSubcommands().get("forecast").getSubcommands().get("train")
                .getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(text.contains("Maximum epochs (default: 150)"), text);
        assertTrue(text.contains("Recurrent cell: simple_rnn, lstm or gru (default: lstm)"), text);
        assertTrue(text.contains("or stock (DL4J's SimpleRnn/LSTM; no GRU) (default: fast)"), text);
        assertTrue(text.contains("(default: airpassengers)"), text);
        assertTrue(text.contains("(mean when bidirectional) (default: auto)"), text);
    }

    @Test
    void trainThenPredictThroughTheCommandLine(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("model");
        Outcome trained = run("forecast", "train", "--dataset", "nottingham-temp", "--cell", "simple_rnn", "--hidden", "8",
                "--epochs", "2", "--output-dir", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("seasonal_naive (baseline)"), trained.out());
        Outcome predicted = run("forecast", "predict", "--model", model.toString());
        assertEquals(0, predicted.code(), predicted.err());
        assertTrue(predicted.out().startsWith("step,temp_f\n1940-01,"), predicted.out());
        assertEquals(13, Files.readAllLines(model.resolve("forecast.csv")).size());
        Outcome wrongApp = run("classify", "predict", "--model", model.toString(), "some text");
        assertEquals(2, wrongApp.code(), wrongApp.err());
        assertTrue(wrongApp.err().contains("was made by 'timeseries-forecast'"), wrongApp.err());
    }
}
