package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rnnsuite.common.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The same command with the same seed and threads, run twice, gives bit-identical test metrics,
 * training losses and model parameters, in every app. Runs are bounded by epochs and batches, not
 * by a time budget (a budget stops wherever the clock says, so it is not reproducible); timings and
 * throughput figures (sentences per second) are left out of the comparison.
 */
class DeterminismTest {

    /** Keys whose values are wall-clock measurements or dates, which legitimately differ. */
    private static final Pattern CLOCK = Pattern.compile("(?i).*(second|time|_at|created|elapsed|mib|memory|machine|host).*");

    @TempDir
    static Path tmp;
    static Path texts;
    static Path corpus;

    @BeforeAll
    static void data() throws IOException {
        Random random = new Random(5);
        String[] good = {"good", "fine", "great", "nice", "happy"};
        String[] bad = {"bad", "poor", "awful", "sad", "grim"};
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 80; i++) {
            String[] words = i % 2 == 0 ? good : bad;
            csv.append("the ").append(words[random.nextInt(5)]).append(' ').append(words[random.nextInt(5)])
                    .append(" day,").append(i % 2 == 0 ? "pos" : "neg").append('\n');
        }
        texts = Files.writeString(tmp.resolve("texts.csv"), csv.toString());
        StringBuilder text = new StringBuilder();
        String[] words = {"the ", "cat ", "sat ", "on ", "a ", "mat. ", "dogs ", "run "};
        while (text.length() < 3000) {
            text.append(words[random.nextInt(words.length)]);
        }
        corpus = Files.writeString(tmp.resolve("corpus.txt"), text.toString());
    }

    private static List<String> command(String app) {
        return switch (app) {
            case "forecast" -> List.of("forecast", "train", "--dataset", "airpassengers", "--hidden", "8", "--epochs", "2", "--max-batches", "2",
                    "--dropout", "0.2", "--layers", "2");
            case "classify" -> List.of("classify", "train", "--csv", texts.toString(), "--hidden", "4", "--embedding-size", "4",
                    "--min-count", "1", "--batch-size", "8", "--epochs", "2", "--max-batches", "3");
            case "charlm" -> List.of("charlm", "train", "--text", corpus.toString(), "--hidden", "8", "--sequence-length", "20",
                    "--tbptt", "10", "--batch-size", "8", "--max-batches", "3", "--epochs", "2");
            case "translate" -> List.of("translate", "train", "--dataset", "numbers-en-fr", "--pairs-count", "60", "--hidden", "8",
                    "--max-length", "30", "--epochs", "1", "--max-batches", "1", "--attention");
            default -> throw new IllegalArgumentException(app);
        };
    }

    private static Path train(String app, String run) {
        Path dir = tmp.resolve(app + "-" + run);
        List<String> args = new ArrayList<>(command(app));
        args.addAll(List.of("--seed", "11", "--threads", "1", "--output-dir", dir.toString()));
        StringWriter err = new StringWriter();
        CommandLine line = RnnSuiteCommand.newCommandLine();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        assertEquals(0, line.execute(args.toArray(String[]::new)), err.toString());
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"forecast", "classify", "charlm", "translate"})
    void theSameSeedGivesTheSameModelTwice(String app) throws IOException {
        Path first = train(app, "a");
        Path second = train(app, "b");
        JsonNode metrics = withoutClock(Json.MAPPER.readTree(first.resolve("results.json").toFile()).path("test"));
        assertTrue(metrics.size() > 1 && metrics.get(0).path("metrics").size() > 0, metrics.toString());
        assertEquals(metrics, withoutClock(Json.MAPPER.readTree(second.resolve("results.json").toFile()).path("test")),
                "test metrics (throughput aside)");
        assertEquals(withoutClock(Json.MAPPER.readTree(first.resolve("run.json").toFile()).path("training")),
                withoutClock(Json.MAPPER.readTree(second.resolve("run.json").toFile()).path("training")), "losses per epoch");
        Map<String, byte[]> a = entries(first.resolve("model.zip"));
        Map<String, byte[]> b = entries(second.resolve("model.zip"));
        assertNotNull(a.get("coefficients.bin"), a.keySet().toString());
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), "model.zip " + name);
        }
    }

    @Test
    void theLabGivesTheSameSweepTwice() throws IOException {
        List<JsonNode> results = new ArrayList<>();
        for (String run : List.of("a", "b")) {
            Path dir = tmp.resolve("lab-" + run);
            StringWriter err = new StringWriter();
            CommandLine line = RnnSuiteCommand.newCommandLine();
            line.setOut(new PrintWriter(new StringWriter(), true));
            line.setErr(new PrintWriter(err, true));
            assertEquals(0, line.execute("lab", "adding", "--quick", "--lengths", "5", "--cells", "lstm", "--budget", "600",
                    "--max-updates", "10", "--seed", "3", "--threads", "1", "--output-dir", dir.toString()), err.toString());
            results.add(withoutClock(Json.MAPPER.readTree(dir.resolve("results.json").toFile())));
        }
        assertTrue(results.get(0).path("rows").get(0).path("testLoss").isNumber(), results.get(0).toString());
        assertEquals(results.get(0), results.get(1));
    }

    private static JsonNode withoutClock(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (CLOCK.matcher(names.next()).matches()) {
                    names.remove();
                }
            }
        }
        node.forEach(DeterminismTest::strip);
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    out.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }
}
