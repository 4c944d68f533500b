package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An app joins the command line and the main job by being on the classpath: the toy app of
 * common's test jar (registered in its own META-INF/services, named nowhere else) shows up in
 * {@code --help} and runs in {@code compare --apps toy}.
 */
class AppDiscoveryTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = RnnSuiteCommand.newCommandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void aRegisteredAppIsInTheHelpAndInCompare(@TempDir Path tmp) throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().lines().anyMatch(l -> l.trim().startsWith("toy ")), out.toString());
        assertEquals(0, run("toy", "--help"), err.toString());
        assertTrue(out.toString().contains("train") && out.toString().contains("compare"), out.toString());

        Path report = tmp.resolve("report");
        assertEquals(0, run("compare", "--apps", "toy", "--cells", "gru,lstm", "--hidden", "16", "--layers", "2",
                "--seeds", "2", "--budget", "40s", "--output-dir", report.toString(), "--keep-models", "none"), err.toString());
        JsonNode toy = Json.MAPPER.readTree(report.resolve("results.json").toFile()).path("apps").path("toy");
        JsonNode dataset = toy.path("datasets").get(0);
        assertEquals(2, dataset.path("per_seed").size(), "one comparison per seed");
        assertTrue(dataset.path("verdicts").size() >= 2, "gru vs lstm and best model vs baseline: " + dataset.path("verdicts"));
        JsonNode rows = dataset.path("per_seed").get(0).path("rows");
        int models = 0;
        for (JsonNode row : rows) {
            if (!row.path("baseline").asBoolean()) {
                models++;
                assertEquals(16, row.path("recurrent").path("hidden_size").asInt());
                assertEquals(2, row.path("recurrent").path("layers").asInt());
            }
        }
        assertEquals(2, models, rows.toString());
        assertTrue(Files.readString(report.resolve("index.html")).contains("Toy: sign of a sum"));
    }
}
