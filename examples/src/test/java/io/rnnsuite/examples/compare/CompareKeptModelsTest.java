package io.rnnsuite.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.app.RnnApp;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.examples.RnnSuiteCommand;
import io.rnnsuite.serve.ModelCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code compare --keep-models DIR} keeps the first seed's model of every cell as an ordinary model
 * directory that the app's own loader and {@code rnn-suite serve} open; a second compare replaces
 * the app's models whole; {@code none} keeps nothing.
 */
class CompareKeptModelsTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cl = RnnSuiteCommand.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static List<String> entries(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keptModelsAreModelDirectoriesThatASecondRunReplacesWhole(@TempDir Path tmp) throws Exception {
        Path models = tmp.resolve("models");
        Path report = tmp.resolve("report");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "compare", "--apps", "toy", "--cells", "gru,lstm", "--hidden", "8", "--budget", "20s",
                "--output-dir", report.toString(), "--keep-models", models.toString()), err.toString());
        RnnApp<?, ?, ?> toy = (RnnApp<?, ?, ?>) Apps.named("toy");
        assertTrue(entries(models).contains("toy"), entries(models).toString());
        assertEquals(List.of("gru", "lstm"), entries(models.resolve("toy")));
        for (String cell : List.of("gru", "lstm")) {
            Path dir = models.resolve("toy").resolve(cell);
            for (String file : List.of(ModelDirectory.MODEL_FILE, ModelDirectory.CONFIG_FILE, ModelDirectory.REPORT_FILE,
                    ModelDirectory.RESULTS_FILE, ModelDirectory.RUN_FILE)) {
                assertTrue(Files.isRegularFile(dir.resolve(file)), dir.resolve(file) + " written as APP train writes it");
            }
            JsonNode record = RunRecordSchema.assertValid(dir.resolve(ModelDirectory.RUN_FILE));
            assertEquals(cell, record.path("recurrent").path("cell").asText(), record.toString());
            AppModels.open(toy, dir); // the app's own loader reads it back
        }
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("<h3>Kept models</h3>") && html.contains("scripts/rnn-suite serve --models " + models), html);
        String link = KeptModels.relative(report, models.resolve("toy/gru/report.md"));
        assertTrue(html.contains("href=\"" + link + "\""), link);
        assertTrue(Files.isRegularFile(report.resolve(link)), "the page's link leads to the model's report");
        JsonNode kept = Json.MAPPER.readTree(report.resolve("results.json").toFile()).path("keptModels").path("toy");
        assertEquals(2, kept.size(), kept.toString());
        assertEquals("toy.gru", kept.get(0).path("served_as").asText());
        assertEquals(List.of("toy.gru", "toy.lstm"), ModelCatalog.load(models, line -> { }).names());
        String firstRun = Files.readString(models.resolve("toy/lstm").resolve(ModelDirectory.RUN_FILE));

        // a second run over the same directory: only what it trained is left, every file from the new run
        assertEquals(0, run(err, "compare", "--apps", "toy", "--cells", "lstm", "--hidden", "8", "--seed", "7",
                "--budget", "10s", "--output-dir", report.toString(), "--keep-models", models.toString()), err.toString());
        assertEquals(List.of("lstm"), entries(models.resolve("toy")));
        Path lstm = models.resolve("toy/lstm");
        String secondRun = Files.readString(lstm.resolve(ModelDirectory.RUN_FILE));
        assertNotEquals(firstRun, secondRun);
        assertEquals(7, Json.MAPPER.readTree(lstm.resolve(ModelDirectory.CONFIG_FILE).toFile()).findValue("seed").asLong());
        assertTrue(Files.getLastModifiedTime(lstm.resolve(ModelDirectory.MODEL_FILE)).compareTo(
                Files.getLastModifiedTime(lstm.resolve(ModelDirectory.RUN_FILE))) <= 0, "run.json written last");
        assertFalse(entries(models).stream().anyMatch(n -> n.startsWith(".staging") || n.startsWith(".replaced")),
                entries(models).toString());

        // none: nothing kept, nothing touched
        assertEquals(0, run(err, "compare", "--apps", "toy", "--cells", "gru", "--hidden", "8", "--budget", "10s",
                "--output-dir", report.toString(), "--keep-models", "none"), err.toString());
        assertEquals(secondRun, Files.readString(lstm.resolve(ModelDirectory.RUN_FILE)));
        assertFalse(Files.readString(report.resolve("index.html")).contains("Kept models"));
    }

    @Test
    void theCharLmSectionLinksEveryKeptModelToItsExplainPage(@TempDir Path tmp) throws Exception {
        Path models = tmp.resolve("models");
        Path report = tmp.resolve("report");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "compare", "--quick", "--apps", "charlm", "--cells", "simple_rnn,lstm", "--budget", "10s",
                "--output-dir", report.toString(), "--keep-models", models.toString()), err.toString());
        String html = Files.readString(report.resolve("index.html"));
        for (String cell : List.of("simple_rnn", "lstm")) {
            Path page = report.resolve("charlm").resolve("explain-" + cell + ".html");
            assertTrue(Files.isRegularFile(page) && Files.isRegularFile(report.resolve("charlm/explain-" + cell + ".json")),
                    page + " and its numbers");
            assertTrue(html.contains("href=\"charlm/explain-" + cell + ".html\""), "linked from the charlm section");
            assertTrue(Files.readString(page).contains("explain-data"));
        }
        assertTrue(Files.readString(report.resolve("charlm/explain-lstm.json")).contains("simple_rnn"),
                "the LSTM's page draws the kept SimpleRnn's hidden-unit saturation beside its own");
    }
}
