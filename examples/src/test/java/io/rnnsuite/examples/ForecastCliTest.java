package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RnnSuiteCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Outcome(code, out.toString(), err.toString());
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
        assertUserError(run("forecast", "train", "--epochs", "0"), "Invalid value for option '--epochs': '0' is not a count of at least 1");
        assertUserError(run("forecast", "train", "--bogus"), "Unknown option: '--bogus'");
        assertUserError(run("forecast", "evaluate", "--model", tmp.resolve("nothing").toString()), "model directory");
        assertUserError(run("forecast", "train", "--budget", "ten minutes", "--output-dir", out.toString()),
                "Invalid value for option '--budget'");
        assertUserError(run("forecast", "train", "--resume", "--output-dir", out.toString()), "cannot resume: ");
        assertUserError(run("forecast", "compare", "--cells", "lstm,gru7", "--output-dir", out.toString()), "unknown cell type 'gru7'");
        assertUserError(run("forecast", "predict", "--model", tmp.resolve("nothing").toString()), "model directory");
        // the train run creates the output directory before it reads the data: it may exist, but empty
        assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "nothing written for bad input");
    }

    @Test
    void multivariateInputGoesThroughTheSamePath(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("seatbelts");
        Outcome trained = run("forecast", "train", "--dataset", "uk-seatbelts", "--target", "DriversKilled",
                "--features", "front,rear,PetrolPrice,law", "--cell", "lstm", "--hidden", "8", "--epochs", "2",
                "--output-dir", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(Files.readString(model.resolve("report.md")).contains("inputs also front, rear, PetrolPrice, law"));
        assertTrue(Files.readString(model.resolve("app-config.json")).contains("\"PetrolPrice\""));
        assertTrue(trained.out().contains("data: uk-seatbelts (bundled, sha256 "), trained.out());
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
        assertTrue(text.contains("--resume Continue from the checkpoint that an interrupted run left in --output-dir"), text);
        assertTrue(text.contains("--budget=TIME Wall-clock training budget of each model: 90s, 10m, 1h"), text);
        assertTrue(text.contains("(default: models/forecast)"), text);
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
        assertEquals(13, predicted.out().strip().lines().count(), "header and twelve months");
        Path latest = Files.writeString(tmp.resolve("latest.csv"), "month,temp_f\n" + String.join("\n",
                java.util.stream.IntStream.range(0, 24).mapToObj(i -> String.format("%d-%02d,%d", 2000 + i / 12, i % 12 + 1, 40 + i % 12))
                        .toList()) + "\n");
        Outcome continued = run("forecast", "predict", "--model", model.toString(), latest.toString());
        assertEquals(0, continued.code(), continued.err());
        assertTrue(continued.out().startsWith("step,temp_f\n2002-01,"), continued.out());
        assertTrue(Files.isRegularFile(model.resolve("forecast.png")));
        Outcome wrongApp = run("classify", "predict", "--model", model.toString(), "some text");
        assertEquals(2, wrongApp.code(), wrongApp.err());
        assertTrue(wrongApp.err().contains("was made by 'timeseries-forecast'"), wrongApp.err());
    }
}
