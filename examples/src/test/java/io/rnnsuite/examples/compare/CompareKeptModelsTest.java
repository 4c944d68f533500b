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
        assertEquals(0, run(err, "compare", "--apps", "toy", "--cells", "gru,lstm", "--hidden", "8", "--seeds", "1", "--budget", "10s",
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
            assertEquals(cell, record.path("recurrent").path("cell").asText().toLowerCase(java.util.Locale.ROOT), record.toString());
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
        assertEquals(0, run(err, "compare", "--apps", "toy", "--cells", "lstm", "--hidden", "8", "--seeds", "1", "--seed", "7",
                "--budget", "5s", "--output-dir", report.toString(), "--keep-models", models.toString()), err.toString());
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
        assertEquals(0, run(err, "compare", "--apps", "toy", "--cells", "gru", "--hidden", "8", "--seeds", "1", "--budget", "5s",
                "--output-dir", report.toString(), "--keep-models", "none"), err.toString());
        assertEquals(secondRun, Files.readString(lstm.resolve(ModelDirectory.RUN_FILE)));
        assertFalse(Files.readString(report.resolve("index.html")).contains("Kept models"));
    }

    @Test
    void everyKeptCharLmModelGetsAnExplainPageLinkedFromItsSection(@TempDir Path tmp) throws Exception {
        // the layout compare keeps (DIR/charlm/CELL), trained small on a text of our own
        Path text = Files.writeString(tmp.resolve("text.txt"), "The cat sat on the mat (and the dog ran). \"Yes,\" it said.\n"
                .repeat(60));
        Path models = tmp.resolve("models");
        StringWriter err = new StringWriter();
        for (String cell : List.of("simple_rnn", "lstm")) {
            assertEquals(0, run(err, "charlm", "train", "--text", text.toString(), "--cell", cell, "--hidden", "8",
                    "--sequence-length", "20", "--tbptt", "10", "--min-char-count", "1", "--epochs", "1", "--max-batches", "4",
                    "--batch-size", "8", "--output-dir", models.resolve("charlm").resolve(cell).toString()), err.toString());
        }
        Path report = Files.createDirectories(tmp.resolve("report/charlm"));
        KeptModels kept = KeptModels.open(models);
        List<KeptModels.Model> found = kept.collect(Apps.named("charlm"), "charlm", report,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
        assertEquals(List.of("lstm", "simple_rnn"), found.stream().map(KeptModels.Model::label).toList(), found.toString());
        for (KeptModels.Model m : found) {
            assertEquals(report.resolve("explain-" + m.label() + ".html"), m.explain(), "explained: " + m.explainError());
            assertTrue(Files.readString(m.explain()).contains("explain-data"));
            assertEquals("charlm." + m.label(), m.served());
        }
        String lstmJson = Files.readString(report.resolve("explain-lstm.json"));
        assertTrue(lstmJson.contains("(simple_rnn)"), "the LSTM's page draws the kept SimpleRnn's hidden-unit saturation beside");
        assertTrue(KeptModels.links(found, report.getParent()).containsValue("charlm/explain-lstm.html"),
                "the section's links lead to the explain pages");
    }
}
