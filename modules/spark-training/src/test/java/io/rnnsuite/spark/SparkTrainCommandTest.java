package io.rnnsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.textclf.TextClassificationApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code APP train --spark local[2]} end to end through the shared train command, and its one-line errors. */
class SparkTrainCommandTest {

    /** A char-LM that learns the word text in a few epochs: 16 minibatches an epoch, 2 rounds of 2 workers × 4. */
    static final List<String> CHAR_LM = List.of("--cell", "lstm", "--hidden", "32", "--layers", "1",
            "--sequence-length", "24", "--tbptt", "24", "--batch-size", "8", "--max-batches", "16",
            "--learning-rate", "0.03", "--averaging-frequency", "4");

    @TempDir
    Path dir;

    private static String[] args(List<String> common, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(common);
        return all.toArray(String[]::new);
    }

    @Test
    void charLmOnTwoWorkersBeatsTheUnigramBaselineNamesTheClusterAndResumes() throws IOException {
        Path text = TestData.text(dir, 6000, 3);
        Path model = dir.resolve("charlm");
        TestData.Run first = TestData.run(new CharLmApp().command(), args(CHAR_LM, "train", "--text", text.toString(),
                "--epochs", "3", "--spark", "local[2]", "--output-dir", model.toString()));
        assertEquals(0, first.exitCode(), first.err());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        JsonNode cluster = record.path("training").path("cluster");
        assertEquals("local[2]", cluster.path("master").asText(), record.toString());
        assertEquals(2, cluster.path("workers").asInt(), "workers default to N of local[N]");
        assertEquals(4, cluster.path("averaging_frequency").asInt());
        assertEquals(6, cluster.path("rounds").asInt(), "3 epochs of 16 minibatches, 8 a round");
        double model1 = record.path("metrics").path("bits_per_char").asDouble();
        double unigram = record.path("baselines").path("unigram").path("bits_per_char").asDouble();
        assertTrue(model1 < unigram, "bits per char " + model1 + " against the unigram's " + unigram);

        TestData.Run resumed = TestData.run(new CharLmApp().command(), args(CHAR_LM, "train", "--text", text.toString(),
                "--epochs", "4", "--spark", "local[2]", "--workers", "2", "--resume",
                "--output-dir", model.toString()));
        assertEquals(0, resumed.exitCode(), resumed.err());
        JsonNode after = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        assertEquals(4, after.path("training").path("epochs").size(), "three epochs before the resume, one after");
        assertEquals(2, after.path("training").path("cluster").path("rounds").asInt(), "one epoch in this run, not four");
        assertTrue(AppModels.open(new CharLmApp(), model).model().network().numParams() > 0);
    }

    @Test
    void aBadOrUnreachableMasterIsOneLineAndExitCodeTwoBeforeAnythingIsWritten() throws IOException {
        Path csv = TestData.labelledCsv(dir, 10, 1);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String[][] cases = {
            {"yarn", "expected local[N]"},
            {"spark://127.0.0.1", "is not host:port"},
            {"local[0]", "at least 1"},
            {"spark://127.0.0.1:" + closedPort, "cannot reach the master"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("m-" + Math.abs(c[0].hashCode()));
            TestData.Run run = TestData.run(new TextClassificationApp().command(), "train", "--csv", csv.toString(),
                    "--spark", c[0], "--workers", "2", "--output-dir", out.toString());
            assertEquals(2, run.exitCode(), c[0] + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: --spark") && run.err().contains(c[1]), run.err());
            assertTrue(run.seconds() < 15, c[0] + " took " + run.seconds() + " s");
            assertFalse(Files.exists(out), "nothing written for " + c[0]);
        }
        TestData.Run noMaster = TestData.run(new TextClassificationApp().command(), "train", "--csv", csv.toString(),
                "--averaging-frequency", "3");
        assertEquals(2, noMaster.exitCode());
        assertEquals("error: --averaging-frequency needs --spark MASTER (local[N] or spark://host:port)", noMaster.err().strip());
        TestData.Run noWorkers = TestData.run(new TextClassificationApp().command(), "train", "--csv", csv.toString(),
                "--spark", "spark://127.0.0.1:" + closedPort);
        assertEquals(2, noWorkers.exitCode());
        assertTrue(noWorkers.err().contains("give --workers N"), noWorkers.err());
    }
}
