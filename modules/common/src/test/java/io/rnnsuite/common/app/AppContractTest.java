package io.rnnsuite.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.app.toy.ToyApp;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shared commands, run and records on the toy app: what every app gets by implementing the contract. */
class AppContractTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = CliErrors.install(AppCommands.of(new ToyApp()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void trainWritesTheOneLayoutAndARecordThatMatchesTheSchema() throws Exception {
        Path dir = tmp.resolve("m");
        assertEquals(0, run("train", "--output-dir", dir.toString(), "--epochs", "2", "--budget", "1m"), err.toString());
        for (String name : List.of(ModelDirectory.MODEL_FILE, ModelDirectory.CONFIG_FILE, ModelDirectory.RUN_FILE,
                ModelDirectory.REPORT_FILE, ModelDirectory.RESULTS_FILE)) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name);
        }
        assertTrue(Files.isDirectory(dir.resolve(ModelDirectory.CHECKPOINT_DIR)));
        JsonNode record = RunRecordSchema.assertValid(dir.resolve(ModelDirectory.RUN_FILE));
        assertEquals("toy-sum-sign", record.path("app").asText());
        assertTrue(record.path("libraries").path("blas").asText().matches("(MKL|OpenBLAS).*"),
                "the run record names the BLAS library: " + record.path("libraries"));
        assertEquals(2, record.path("training").path("epochs").size());
        assertTrue(record.path("baselines").has("majority"));
        assertTrue(out.toString().contains("majority (baseline)"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("evaluate", "--model", dir.toString()), err.toString());
        assertTrue(out.toString().contains("accuracy"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("predict", "--model", dir.toString(), "0.9,0.8,0.7", "-0.9,-0.8,-0.7"), err.toString());
        assertEquals(2, out.toString().lines().filter(l -> l.contains("positive")).count(), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("--model", dir.toString(), "0.5,0.5"), err.toString());
        assertTrue(out.toString().startsWith("0.5,0.5 -> "), "the app's command with --model predicts: " + out);
        assertEquals(2, run("trian"));
        assertTrue(err.toString().contains("unknown command 'trian' for toy: expected one of"), err.toString());
    }

    @Test
    void resumeContinuesWhereTheLastRunStopped() throws Exception {
        Path dir = tmp.resolve("r");
        assertEquals(0, run("train", "--output-dir", dir.toString(), "--epochs", "1"), err.toString());
        assertEquals(0, run("train", "--output-dir", dir.toString(), "--epochs", "2", "--resume"), err.toString());
        JsonNode record = RunRecordSchema.assertValid(dir.resolve(ModelDirectory.RUN_FILE));
        assertEquals(2, record.path("training").path("epochs").size(), "one epoch before the resume, one after");
    }

    @Test
    void compareTrainsExactlyTheVariantsAsked() throws Exception {
        Path dir = tmp.resolve("c");
        assertEquals(0, run("compare", "--cells", "gru,lstm", "--hidden", "16", "--layers", "2", "--epochs", "1",
                "--budget", "30s", "--output-dir", dir.toString()), err.toString());
        JsonNode rows = Json.MAPPER.readTree(dir.resolve("results.json").toFile()).path("datasets").get(0).path("rows");
        List<String> cells = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!row.path("baseline").asBoolean()) {
                cells.add(row.path("recurrent").path("cell").asText());
                assertEquals(16, row.path("recurrent").path("hidden_size").asInt());
                assertEquals(2, row.path("recurrent").path("layers").asInt());
            }
        }
        assertEquals(List.of("gru", "lstm"), cells);
        assertTrue(Files.isRegularFile(dir.resolve(CompareRun.CURVES_BY_UPDATES)));
        assertTrue(Files.isRegularFile(dir.resolve("report.md")));
    }

    @Test
    void mistakesEndInOneLineAndExitCodeTwo() {
        assertEquals(2, run("train", "--budget", "ten minutes", "--output-dir", tmp.resolve("x").toString()));
        assertTrue(err.toString().contains("not a duration"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("train", "--resume", "--output-dir", tmp.resolve("empty").toString()));
        assertTrue(err.toString().startsWith("error: cannot resume"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("evaluate", "--model", tmp.resolve("missing").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("compare", "--cells", "lstm,tree", "--output-dir", tmp.resolve("y").toString()));
        assertTrue(err.toString().startsWith("error: "), err.toString());
    }
}
