package io.rnnsuite.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.app.CompareExtras;
import io.rnnsuite.common.app.CompareRun;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.seq2seq.report.AttentionHeatMap;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code translate train / evaluate / predict / compare} through the shared commands, on tiny generated data. */
class TranslateAppTest {

    /** 60 numbers, a tiny network, one epoch of two batches. */
    private static final List<String> TINY = List.of("--dataset", "numbers-en-fr", "--pairs-count", "60", "--max-length", "30",
            "--epochs", "1", "--max-batches", "2");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = CliErrors.install(new TranslateApp().command());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static String[] tiny(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TINY);
        return all.toArray(String[]::new);
    }

    private static List<JsonNode> modelRows(Path compareDir) throws Exception {
        JsonNode rows = Json.MAPPER.readTree(compareDir.resolve("results.json").toFile()).path("datasets").get(0).path("rows");
        List<JsonNode> models = new ArrayList<>();
        rows.forEach(r -> {
            if (!r.path("baseline").asBoolean()) {
                models.add(r);
            }
        });
        return models;
    }

    @Test
    void compareTrainsExactlyTheVariantsAskedWithTheAppsFlags() throws Exception {
        Path dir = tmp.resolve("c");
        assertEquals(0, run(tiny("compare", "--cells", "gru,lstm", "--hidden", "16", "--layers", "2", "--beam", "2",
                "--attention", "--budget", "1m", "--output-dir", dir.toString())), err.toString());
        List<JsonNode> rows = modelRows(dir);
        assertEquals(List.of("gru", "lstm"), rows.stream().map(r -> r.path("recurrent").path("cell").asText()).toList());
        for (JsonNode row : rows) {
            assertEquals(16, row.path("recurrent").path("hidden_size").asInt());
            assertEquals(2, row.path("recurrent").path("layers").asInt());
            // --beam 2 reached every model: scored greedily and by beam search
            for (String key : List.of("exact_match", "bleu", "chrf", "exact_match_beam", "bleu_beam", "chrf_beam")) {
                assertTrue(row.path("metrics").has(key), key + " in " + row);
            }
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("with attention") && report.contains("beam search of width 2"), report);
        assertTrue(report.contains("nearest_neighbour (baseline)"), report);

        // --attention reached the models: the same LSTM without it has fewer parameters (no attention vertex)
        long withAttention = rows.get(1).path("training").path("parameters").asLong();
        Path plain = tmp.resolve("p");
        assertEquals(0, run(tiny("compare", "--cells", "lstm", "--hidden", "16", "--layers", "2", "--output-dir",
                plain.toString())), err.toString());
        JsonNode lstm = modelRows(plain).get(0);
        assertTrue(withAttention > lstm.path("training").path("parameters").asLong(), withAttention + " vs " + lstm);
        assertFalse(lstm.path("metrics").has("exact_match_beam"), lstm.toString());
    }

    @Test
    void trainWritesOneConfigAndAValidRecordThenEvaluatesAndPredicts() throws Exception {
        Path dir = tmp.resolve("m");
        assertEquals(0, run(tiny("train", "--hidden", "8", "--attention", "--budget", "1m", "--output-dir", dir.toString())),
                err.toString());
        assertTrue(out.toString().contains("nearest_neighbour (baseline)"), out.toString());
        JsonNode record = RunRecordSchema.assertValid(dir.resolve(ModelDirectory.RUN_FILE));
        assertEquals(TranslateApp.ID, record.path("app").asText());
        assertEquals("generated", record.path("data").path("source").asText());
        assertTrue(record.path("data").path("sha256").asText().matches("[0-9a-f]{64}"), record.path("data").toString());
        assertTrue(record.path("metrics").has("exact_match"), record.path("metrics").toString());
        assertTrue(Files.isRegularFile(dir.resolve(ModelDirectory.CONFIG_FILE)));
        assertFalse(Files.exists(dir.resolve("translation.json")) || Files.exists(dir.resolve("data-source.json")));
        TranslationConfig saved = Json.read(dir.resolve(ModelDirectory.CONFIG_FILE), TranslationConfig.class);
        assertEquals(60, saved.data().pairsCount());
        assertTrue(saved.attention());
        assertTrue(Files.size(dir.resolve(AttentionHeatMap.FILE_NAME)) > 0, "attention models get a heat map");
        assertTrue(Files.isRegularFile(dir.resolve(TranslateApp.CURVE_PNG)));

        assertEquals(0, run("evaluate", "--model", dir.toString()), err.toString());
        assertTrue(out.toString().contains("exact_match") && out.toString().contains("copy_source"), out.toString());
        assertEquals(0, run("predict", "--model", dir.toString(), "forty-two", "seven"), err.toString());
        assertEquals(2, out.toString().strip().lines().count(), out.toString());
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("seventy-one\n\neighty\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, run("predict", "--model", dir.toString(), "-"), err.toString());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(2, out.toString().strip().lines().count(), out.toString());
    }

    @Test
    void resumeContinuesInTheOutputDirectoryAndPlainModelsGetNoHeatMap() throws Exception {
        Path dir = tmp.resolve("r");
        assertEquals(0, run(tiny("train", "--hidden", "8", "--budget", "90s", "--output-dir", dir.toString())), err.toString());
        List<String> resumed = new ArrayList<>(List.of(tiny("train", "--hidden", "8", "--budget", "2m", "--resume",
                "--output-dir", dir.toString())));
        resumed.set(resumed.indexOf("--epochs") + 1, "2");
        assertEquals(0, run(resumed.toArray(String[]::new)), err.toString());
        JsonNode record = RunRecordSchema.assertValid(dir.resolve(ModelDirectory.RUN_FILE));
        assertEquals(2, record.path("training").path("epochs").size(), "one epoch before the resume, one after");
        assertFalse(Files.exists(dir.resolve(AttentionHeatMap.FILE_NAME)));
    }

    @Test
    void theUsersPairsFileIsHashedByItsBytes() throws Exception {
        StringBuilder text = new StringBuilder();
        String[] en = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        String[] fr = {"un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"};
        for (int i = 0; i < en.length; i++) {
            text.append(en[i]).append('\t').append(fr[i]).append("\tCC-BY 2.0\n");
        }
        Path pairs = Files.writeString(tmp.resolve("pairs.tsv"), text);
        Path dir = tmp.resolve("f");
        assertEquals(0, run("train", "--pairs", pairs.toString(), "--hidden", "4", "--epochs", "1", "--output-dir",
                dir.toString()), err.toString());
        JsonNode record = RunRecordSchema.assertValid(dir.resolve(ModelDirectory.RUN_FILE));
        assertEquals("file", record.path("data").path("source").asText());
        assertEquals(Checksums.sha256(Files.readAllBytes(pairs)), record.path("data").path("sha256").asText());
    }

    @Test
    void compareExtrasShowTenTranslationsOfTheBestModelAndItsHeatMap() throws Exception {
        TranslateApp app = new TranslateApp();
        TranslationConfig base = TinyModels.config(io.rnnsuite.common.CellType.LSTM, true).withMaxLengths(50, 50)
                .withData(io.rnnsuite.seq2seq.data.PairSource.generated("numbers-en-fr", 120, false))
                .withTraining(new io.rnnsuite.common.train.TrainingConfig(1, 32, 0.01, 5, 1.0, 7L, 2, 0));
        var outcome = CompareRun.run(app, base, List.of(base.encoder()), null, null);
        CompareExtras extras = app.compareExtras(base, outcome.loaded(), outcome.models(), tmp);
        assertEquals(1, extras.texts().size());
        assertEquals(TranslateApp.EXAMPLES, extras.texts().get(0).value().strip().lines().count(), extras.texts().get(0).value());
        assertEquals(List.of(tmp.resolve(AttentionHeatMap.FILE_NAME)), extras.images().stream().map(i -> i.value()).toList());
        assertTrue(Files.size(tmp.resolve(AttentionHeatMap.FILE_NAME)) > 0);
        assertEquals(List.of(TranslateApp.COMPARE_BEAM), app.compareConfigs(true).stream().map(TranslationConfig::beamWidth).toList());
        assertEquals(1500, app.compareConfigs(true).get(0).data().pairsCount());
        assertEquals(64, app.spec(app.defaults(true)).hiddenSize());
    }

    @Test
    void mistakesEndInOneLineAndExitCodeTwo() throws Exception {
        assertOneLine(run("train", "--dataset", "klingon-en", "--output-dir", tmp.resolve("x").toString()),
                "unknown dataset 'klingon-en'");
        assertOneLine(run("train", "--budget", "ten minutes", "--output-dir", tmp.resolve("x").toString()), "not a duration");
        assertOneLine(run("train", "--beam", "0", "--output-dir", tmp.resolve("x").toString()), "--beam");
        assertOneLine(run("compare", "--cells", "lstm,tree", "--output-dir", tmp.resolve("y").toString()), "tree");
        Path bad = Files.writeString(tmp.resolve("bad.tsv"), "Go.\tVa !\nHello\n");
        assertOneLine(run("train", "--pairs", bad.toString(), "--output-dir", tmp.resolve("z").toString()), "line 2");
        assertOneLine(run("evaluate", "--model", tmp.resolve("missing").toString()), "does not exist");
    }

    private void assertOneLine(int code, String expected) {
        String text = err.toString().strip();
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: ") && text.contains(expected), text);
    }
}
