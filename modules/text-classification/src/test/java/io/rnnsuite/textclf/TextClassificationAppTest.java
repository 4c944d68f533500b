package io.rnnsuite.textclf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.AppModule;
import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.app.SectionProgress;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.Variants;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.data.TextSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code classify} end to end on tiny texts made in code: the shared commands, the app's flags, user errors. */
class TextClassificationAppTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = CliErrors.install(new TextClassificationApp().command());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static final String[] TINY = {"--max-batches", "3", "--hidden", "4", "--embedding-size", "4",
        "--batch-size", "8", "--min-count", "1"};

    /** {@code args} with tiny sizes, and 2 epochs unless {@code args} say otherwise. */
    private static String[] with(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TINY));
        if (!all.contains("--epochs")) {
            all.addAll(List.of("--epochs", "2"));
        }
        return all.toArray(String[]::new);
    }

    private Path csv() throws IOException {
        return SyntheticTexts.writeCsv(dir.resolve("t.csv"), 20, 2);
    }

    @Test
    void trainWritesAValidRunRecordThenPredictAndBothEvaluatesWork() throws IOException {
        Path csv = csv();
        Path model = dir.resolve("m");
        assertEquals(0, run(with("train", "--csv", csv.toString(), "--cell", "simple_rnn", "--output-dir", model.toString(),
                "--budget", "1m")), err.toString());
        assertTrue(out.toString().contains("majority (baseline)") && out.toString().contains("bow-tfidf (baseline)"), out.toString());
        assertTrue(out.toString().contains("actual\\pred"), out.toString());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        assertEquals(TextClassificationApp.ID, record.path("app").asText());
        assertEquals("file", record.path("data").path("source").asText());
        assertEquals(TextSource.fileSha256(csv), record.path("data").path("sha256").asText());
        assertTrue(record.path("app_config").path("source").path("csv").asText().endsWith("/t.csv"), record.toString());
        assertTrue(record.path("metrics").has("macro_f1") && record.path("baselines").has("bow-tfidf"), record.toString());
        for (String file : List.of(ModelDirectory.CONFIG_FILE, ModelDirectory.REPORT_FILE, TextClassificationApp.CONFUSION_PNG,
                "vocabulary.json", "classifier.json")) {
            assertTrue(Files.isRegularFile(model.resolve(file)), file);
        }

        assertEquals(0, run("predict", "--model", model.toString(), "fur tail", "-leaf root"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        for (String line : lines) {
            assertTrue(line.matches("(animal|food|plant)\tanimal=0\\.\\d{4} food=0\\.\\d{4} plant=0\\.\\d{4}"), line);
        }
        assertEquals(0, run("evaluate", "--model", model.toString()), err.toString());
        assertTrue(out.toString().contains("accuracy") && out.toString().contains("actual\\pred")
                && out.toString().contains("majority (baseline)"), out.toString());
        Path other = SyntheticTexts.writeCsv(dir.resolve("other.csv"), 5, 9);
        assertEquals(0, run("evaluate-csv", "--model", model.toString(), "--csv", other.toString()), err.toString());
        assertTrue(out.toString().contains("test 15") && out.toString().contains("macro_f1"), out.toString());
    }

    @Test
    void resumeContinuesInTheOutputDirectory() throws IOException {
        Path csv = csv();
        Path model = dir.resolve("r");
        assertEquals(0, run(with("train", "--csv", csv.toString(), "--output-dir", model.toString(), "--epochs", "1",
                "--budget", "90s")), err.toString());
        assertEquals(0, run(with("train", "--csv", csv.toString(), "--output-dir", model.toString(), "--resume",
                "--epochs", "2", "--budget", "90s")), err.toString());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        assertEquals(2, record.path("training").path("epochs").size(), "one epoch before the resume, one after");
    }

    @Test
    void compareTrainsExactlyTheVariantsAskedWithTheAppsFlags() throws IOException {
        Path csv = csv();
        Path report = dir.resolve("c");
        assertEquals(0, run("compare", "--csv", csv.toString(), "--cells", "gru,lstm", "--hidden", "16", "--layers", "2",
                "--epochs", "1", "--max-batches", "2", "--budget", "30s", "--embedding-size", "5", "--max-length", "7",
                "--min-count", "1", "--output-dir", report.toString()), err.toString());
        JsonNode dataset = Json.MAPPER.readTree(report.resolve("results.json").toFile()).path("datasets").get(0);
        List<String> cells = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        for (JsonNode row : dataset.path("rows")) {
            if (row.path("baseline").asBoolean()) {
                baselines.add(row.path("model").asText());
                continue;
            }
            cells.add(row.path("recurrent").path("cell").asText());
            assertEquals(16, row.path("recurrent").path("hidden_size").asInt());
            assertEquals(2, row.path("recurrent").path("layers").asInt());
        }
        assertEquals(List.of("gru", "lstm"), cells);
        assertEquals(List.of("majority", "bow-tfidf"), baselines);
        assertEquals(TextSource.fileSha256(csv), dataset.path("data").path("sha256").asText());
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("5-wide learned word vectors") && md.contains("cut to 7 tokens"), md);
    }

    @Test
    void userMistakesExitWithCodeTwoAndOneLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "body,label\nx,y\n");
        assertEquals(2, run(with("train", "--csv", bad.toString(), "--output-dir", dir.resolve("m").toString())));
        assertTrue(err.toString().startsWith("error: " + bad + " line 1: no column 'text'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(Files.notExists(dir.resolve("m").resolve("run.json")), "nothing half-written");

        assertEquals(2, run(with("train", "--csv", csv().toString(), "--budget", "ten minutes")));
        assertTrue(err.toString().contains("not a duration"), err.toString());
        assertEquals(2, run(with("train", "--csv", csv().toString(), "--resume", "--output-dir", dir.resolve("e").toString())));
        assertTrue(err.toString().startsWith("error: cannot resume"), err.toString());

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("model.zip"), "x");
        Files.writeString(other.resolve("run.json"), "{\"app\": \"char-lm\"}");
        assertEquals(2, run("predict", "--model", other.toString(), "some text"));
        assertTrue(err.toString().contains("made by 'char-lm'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void vectorsFileCountsAreReportedAndABadFileIsOneLine() throws IOException {
        Path csv = csv();
        Path vectors = Files.writeString(dir.resolve("vectors.txt"), "fur 0.1 0.2 0.3 0.4\nsweet 1 2 3 4\n");
        Path model = dir.resolve("m");
        assertEquals(0, run(with("train", "--csv", csv.toString(), "--embeddings", vectors.toString(), "--freeze-embeddings",
                "--output-dir", model.toString())), err.toString());
        assertTrue(out.toString().matches("(?s).*embeddings: 2 of \\d+ vocabulary words found in .*vectors\\.txt; \\d+ "
                + "initialised randomly; frozen.*"), out.toString());
        JsonNode config = Json.MAPPER.readTree(model.resolve(ModelDirectory.CONFIG_FILE).toFile());
        assertTrue(config.path("embeddings").path("frozen").asBoolean(), config.toString());
        assertEquals("FILE", config.path("embeddings").path("kind").asText(), config.toString());

        Path bad = Files.writeString(dir.resolve("bad.txt"), "fur 0.1 0.2 0.3 0.4\nsweet 1 2 3\n");
        assertEquals(2, run(with("train", "--csv", csv.toString(), "--embeddings", bad.toString(),
                "--output-dir", dir.resolve("m2").toString())));
        assertTrue(err.toString().startsWith("error: embeddings file " + bad + " line 2: expected 4 values"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(Files.notExists(dir.resolve("m2").resolve("run.json")), "nothing half-written");
    }

    @Test
    void everyOptionShowsItsDefault() {
        for (String sub : new String[] {"train", "compare"}) {
            String help = new TextClassificationApp().command().getSubcommands().get(sub).getUsageMessage();
            assertTrue(help.contains("default: 40") && help.contains("default: wordnet-topics"), help);
            assertTrue(help.contains("Maximum epochs (default: 10)") && help.contains("(default: 64)"), help);
        }
    }

    /** Top-level {@code rnn-suite compare}: the registered app's section honours the shared cells, width and depth. */
    @Test
    void compareSectionHonoursTheSharedVariantsAndAddsTheConfusionMatrix() throws IOException {
        AppModule registered = Apps.named("classify");
        assertTrue(registered instanceof TextClassificationApp, registered.getClass().getName());
        Path csv = csv();
        TextClassificationApp tiny = new TextClassificationApp() {
            @Override
            public List<TextClassificationConfig> compareConfigs(boolean quick) {
                TextClassificationConfig base = defaults(quick).withSource(TextSource.csv(csv, "text", "label"));
                TrainingConfig t = base.training();
                return List.of(new TextClassificationConfig(base.source(), 10, 1, 0, 4, base.recurrent(), null,
                        0.2, 0.2, new TrainingConfig(1, 8, t.learningRate(), 1, t.clipNorm(), t.seed(), 2, 0), null));
            }
        };
        Variants variants = new Variants(List.of("gru", "bilstm"), 12, 2, false, 0, RecurrentImpl.FAST);
        Path sub = Files.createDirectories(dir.resolve("section"));
        SectionResult result = tiny.compareSection().run(new CompareSettings(true, variants, 20, 7), sub,
                SectionProgress.SILENT);
        assertEquals("classify", result.app());
        String table = result.tables().get(0).value().toMarkdown();
        assertTrue(table.contains("2x_gru") && table.contains("2x_bilstm"), table);
        assertTrue(Files.isRegularFile(sub.resolve(TextClassificationApp.CONFUSION_PNG)));
        JsonNode json = Json.MAPPER.valueToTree(result.data());
        for (JsonNode row : json.path("datasets").get(0).path("rows")) {
            if (!row.path("baseline").asBoolean()) {
                assertEquals(12, row.path("recurrent").path("hidden_size").asInt(), row.toString());
            }
        }
    }

    @Test
    void defaultsNameTheBundledCorporaWithoutReadingThem() {
        TextClassificationApp app = new TextClassificationApp();
        assertEquals("wordnet-topics", app.defaults(false).source().dataset());
        assertEquals("gloss-sentiment", app.defaults(true).source().dataset());
        assertEquals(null, app.defaults(false).pooling(), "automatic pooling");
    }
}
