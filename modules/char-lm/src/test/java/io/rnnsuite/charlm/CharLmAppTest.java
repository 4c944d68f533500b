package io.rnnsuite.charlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.charlm.data.PreparedCorpus;
import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.charlm.model.CharSampler;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.app.Variants;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.VariantsOptions;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code charlm train / evaluate / predict / compare / sample} end to end on a tiny text, through the shared commands. */
class CharLmAppTest {

    /** A small model on the tiny text: 16 units, sequences of 20, tBPTT 10, three batches per epoch. */
    private static final List<String> SMALL = List.of("--cell", "simple_rnn", "--layers", "1", "--hidden", "16",
            "--sequence-length", "20", "--tbptt", "10", "--max-batches", "3", "--batch-size", "8");

    @TempDir
    static Path dir;
    static Path text;
    static Path model;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainOnce() throws Exception {
        text = TinyCorpus.file(dir, 4000, 1);
        model = dir.resolve("model");
        CharLmAppTest first = new CharLmAppTest();
        assertEquals(0, first.run(with(SMALL, "train", "--text", text.toString(), "--epochs", "2", "--budget", "2m",
                "--output-dir", model.toString())), first.err.toString());
        assertTrue(first.out.toString().contains("5-gram Witten-Bell (baseline)"), first.out.toString());
    }

    private static String[] with(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return all.toArray(String[]::new);
    }

    private int run(String... args) {
        CommandLine commandLine = CliErrors.install(new CharLmApp().command());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void trainWritesARunRecordThatMatchesTheSchemaAndNamesTheFileByItsBytes() throws Exception {
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        assertEquals(CharLmApp.ID, record.path("app").asText());
        assertEquals("file", record.path("data").path("source").asText());
        assertEquals(io.rnnsuite.common.Checksums.sha256(Files.readAllBytes(text)), record.path("data").path("sha256").asText());
        assertTrue(record.path("metrics").path("bits_per_char").asDouble() > 0, record.toString());
        assertTrue(record.path("metrics").has("perplexity"));
        assertTrue(record.path("baselines").has("unigram"));
        assertEquals(2, record.path("training").path("epochs").size());
        assertEquals(16, record.path("recurrent").path("hiddenSize").asInt(), record.path("recurrent").toString());
        for (String name : List.of(ModelDirectory.MODEL_FILE, ModelDirectory.CONFIG_FILE, CharLmModel.VOCABULARY_FILE,
                ModelDirectory.REPORT_FILE, ModelDirectory.RESULTS_FILE)) {
            assertTrue(Files.isRegularFile(model.resolve(name)), name);
        }
    }

    @Test
    void savedModelLoadsWithItsConfigAndIdenticalScores() {
        CharLmApp app = new CharLmApp();
        AppModels.Loaded<CharLmConfig, CharLmModel> loaded = AppModels.open(app, model);
        assertEquals(text.toAbsolutePath().normalize().toString(), loaded.config().textFile());
        assertEquals(20, loaded.config().sequenceLength());
        assertEquals(10, loaded.config().tbpttLength());
        PreparedCorpus data = app.load(loaded.config());
        assertEquals(data.vocabulary(), loaded.model().vocabulary());
        double recorded = Json.MAPPER.valueToTree(ModelDirectory.open(model, CharLmApp.ID).readRunRecord().metrics())
                .path("bits_per_char").asDouble();
        assertEquals(recorded, app.evaluate(loaded.model(), data).metric("bits_per_char"), 1e-9);
        CharLmModel again = AppModels.open(app, model).model();
        int[] probe = data.vocabulary().encode("the cat sat on");
        assertArrayEquals(CharSampler.lastStep(loaded.model().network().output(OneHot.sequence(probe, data.vocabulary().size()))),
                CharSampler.lastStep(again.network().output(OneHot.sequence(probe, data.vocabulary().size()))), 0.0);
    }

    @Test
    void resumeContinuesInTheOutputDirectory() throws Exception {
        Path resumed = dir.resolve("resumed");
        assertEquals(0, run(with(SMALL, "train", "--text", text.toString(), "--epochs", "1", "--output-dir", resumed.toString())),
                err.toString());
        assertEquals(0, run(with(SMALL, "train", "--text", text.toString(), "--epochs", "2", "--budget", "90s", "--resume",
                "--output-dir", resumed.toString())), err.toString());
        JsonNode record = RunRecordSchema.assertValid(resumed.resolve(ModelDirectory.RUN_FILE));
        assertEquals(2, record.path("training").path("epochs").size(), "one epoch before the resume, one after");
    }

    @Test
    void compareTrainsExactlyTheVariantsAskedAndSkipsBidirectionalOnes() throws Exception {
        Path report = dir.resolve("compare");
        assertEquals(0, run("compare", "--text", text.toString(), "--cells", "gru,lstm,bilstm", "--hidden", "16",
                "--layers", "2", "--sequence-length", "20", "--tbptt", "10", "--epochs", "1", "--max-batches", "2",
                "--batch-size", "8", "--budget", "30s", "--output-dir", report.toString()), err.toString());
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
            assertTrue(row.path("metrics").path("bits_per_char").asDouble() > 0);
        }
        assertEquals(List.of("gru", "lstm"), cells);
        assertEquals(List.of("unigram", "3-gram Witten-Bell", "5-gram Witten-Bell"), baselines);
        assertTrue(dataset.path("skipped").path("2x_bilstm").asText().contains("cannot be bidirectional"), dataset.toString());
        assertTrue(out.toString().contains("not trained: 2x_bilstm"), out.toString());
    }

    @Test
    void evaluatePredictAndSampleReadTheSavedModel() {
        assertEquals(0, run("evaluate", "--model", model.toString()), err.toString());
        String table = out.toString();
        assertTrue(table.contains("simple_rnn") && table.contains("unigram") && table.contains("bits_per_char"), table);
        out.getBuffer().setLength(0);
        assertEquals(0, run("predict", "--model", model.toString(), "the ", "a cat"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(out.toString().startsWith("the "), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a cat")), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("sample", "--model", model.toString(), "--prime", "the ", "--length", "40", "--seed", "3"));
        String first = out.toString();
        out.getBuffer().setLength(0);
        assertEquals(0, run("sample", "--model", model.toString(), "--prime", "the ", "--length", "40", "--seed", "3"));
        assertEquals(first, out.toString());
        assertTrue(first.startsWith("the "), first);
        assertEquals(4 + 40 + System.lineSeparator().length(), first.length());
        // greedy decoding (--top-k 1) draws the same text whatever the seed; --temperature 3 with another seed does not
        List<String> texts = new ArrayList<>();
        for (String[] flags : List.of(new String[] {"--top-k", "1", "--seed", "3"}, new String[] {"--top-k", "1", "--seed", "4"},
                new String[] {"--temperature", "3", "--seed", "4"})) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("sample", "--model", model.toString(), "--prime", "the ", "--length", "40"));
            args.addAll(List.of(flags));
            assertEquals(0, run(args.toArray(String[]::new)), err.toString());
            texts.add(out.toString());
        }
        assertEquals(texts.get(0), texts.get(1));
        assertFalse(texts.get(2).equals(texts.get(1)), texts.toString());
    }

    @Test
    void userMistakesAreOneLineWithExitCode2() {
        assertUserError("unknown prime character", "sample", "--model", model.toString(), "--prime", "Zoxw");
        assertTrue(err.toString().contains("'Z', 'x', 'w'"), err.toString());
        assertUserError("temperature 0", "sample", "--model", model.toString(), "--temperature", "0");
        assertUserError("negative top-k", "sample", "--model", model.toString(), "--top-k", "-1");
        assertUserError("tbptt > sequence", "train", "--text", text.toString(), "--sequence-length", "20", "--tbptt", "40");
        assertUserError("missing model", "sample", "--model", dir.resolve("nothing").toString());
        assertUserError("unknown corpus", "train", "--corpus", "shakespeare", "--output-dir", dir.resolve("x").toString());
        assertUserError("bidirectional", with(SMALL, "train", "--text", text.toString(), "--bidirectional",
                "--output-dir", dir.resolve("bi").toString()));
        assertTrue(err.toString().contains("cannot be bidirectional"), err.toString());
        assertUserError("seconds-only budget", "train", "--text", text.toString(), "--budget", "ten minutes");
        assertUserError("only bidirectional cells", "compare", "--text", text.toString(), "--cells", "bilstm",
                "--output-dir", dir.resolve("y").toString());
        assertUserError("another app's directory", "evaluate", "--model", otherAppsDirectory().toString());
        assertTrue(err.toString().contains("not by 'char-lm'"), err.toString());
    }

    private static Path otherAppsDirectory() {
        try {
            Path other = Files.createDirectories(dir.resolve("other"));
            Files.writeString(other.resolve(ModelDirectory.RUN_FILE), "{\"app\":\"timeseries-forecast\"}");
            Files.writeString(other.resolve(ModelDirectory.MODEL_FILE), "x");
            return other;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertUserError(String what, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(2, run(args), what + ": " + err);
        String message = err.toString().strip();
        assertTrue(message.startsWith("error: ") && !message.contains("\n") && !message.contains("Exception"), what + ": " + message);
    }

    @Test
    void helpShowsTheDefaultsAndTheAppIsRegistered() {
        for (String sub : new String[] {"train", "sample", "compare"}) {
            out.getBuffer().setLength(0);
            run(sub, "--help");
            String help = out.toString();
            assertTrue(help.contains("(default: 0.8)") || !sub.equals("sample"), help);
            assertTrue(help.contains("(default: 50)") || sub.equals("sample"), help);
            assertTrue(help.contains("--budget") || sub.equals("sample"), help);
        }
        assertEquals(CharLmApp.ID, Apps.named("charlm").info().id());
        assertEquals(3, new CharLmApp().compareSection().modelCount(new CompareSettings(true,
                new Variants(VariantsOptions.DEFAULT_CELLS, 0, 1, false, 0, null), 1, 42)),
                "simple_rnn, lstm and gru; bilstm is not trained");
    }
}
