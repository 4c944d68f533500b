package io.rnnsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.Checkpoint;
import io.rnnsuite.textclf.TextClassificationApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training through a real standalone cluster on this machine: a master and two workers, each its
 * own JVM on 127.0.0.1, whose executors are separate JVMs too. Off by default
 * (about two minutes on two cores, most of it starting executor JVMs and ND4J in them); run with
 * {@code -Drnnsuite.spark.cluster=true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

    private static final String[] SPARK_PROPERTIES = {"spark.executor.extraClassPath", "spark.executor.memory"};

    @TempDir
    static Path dir;
    static OneMachineCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("rnnsuite.spark.cluster", "false")),
                "the standalone-cluster tests are off: run them with -Drnnsuite.spark.cluster=true");
        System.setProperty("spark.executor.extraClassPath", OneMachineCluster.testClassPath());
        System.setProperty("spark.executor.memory", "768m");
        // logs stay in target/ for a look after a failure
        Path logs = Path.of("target", "one-machine-cluster").toAbsolutePath();
        cluster = new OneMachineCluster(Files.createDirectories(logs), 2);
    }

    @AfterAll
    static void stopCluster() {
        for (String key : SPARK_PROPERTIES) {
            System.clearProperty(key);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String[] args(List<String> common, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(common);
        return all.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void aCharLmTrainsOnTwoWorkerJvmsAndBeatsTheUnigramBaseline() throws Exception {
        Path text = TestData.text(dir, 6000, 5);
        Path model = dir.resolve("charlm");
        TestData.Run run = TestData.run(new CharLmApp().command(), args(SparkTrainCommandTest.CHAR_LM, "train",
                "--text", text.toString(), "--epochs", "3", "--spark", cluster.url(), "--workers", "2",
                "--output-dir", model.toString()));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        JsonNode on = record.path("training").path("cluster");
        assertEquals(cluster.url(), on.path("master").asText());
        assertEquals(2, on.path("workers").asInt());
        assertEquals(6, on.path("rounds").asInt());
        double bits = record.path("metrics").path("bits_per_char").asDouble();
        double unigram = record.path("baselines").path("unigram").path("bits_per_char").asDouble();
        assertTrue(bits < unigram, "bits per char " + bits + " against the unigram's " + unigram);
        assertTrue(AppModels.open(new CharLmApp(), model).model().network().numParams() > 0);
    }

    @Test
    @Order(2)
    void aClassifierFinishesWhenAWorkerIsKilledMidTraining() throws Exception {
        Path csv = TestData.labelledCsv(dir, 40, 2);
        Path model = dir.resolve("classifier");
        CompletableFuture<TestData.Run> training = CompletableFuture.supplyAsync(() -> TestData.run(
                new TextClassificationApp().command(), "train", "--csv", csv.toString(), "--hidden", "8",
                "--embedding-size", "8", "--batch-size", "8", "--min-count", "1", "--epochs", "6", "--patience", "6",
                "--spark", cluster.url(), "--workers", "2", "--averaging-frequency", "2", "--output-dir", model.toString()));
        Path state = model.resolve(ModelDirectory.CHECKPOINT_DIR).resolve(Checkpoint.MANIFEST);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(state) && !training.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(state) && !training.isDone(), "the first epoch's checkpoint, with training still going");
        cluster.killWorker(1);

        TestData.Run run = training.get(180, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        assertEquals(6, record.path("training").path("epochs").size(), record.path("training").toString());
        JsonNode on = record.path("training").path("cluster");
        assertTrue(on.path("executors_lost").asInt() >= 1, on.toString());
        double accuracy = record.path("metrics").path("accuracy").asDouble();
        double majority = record.path("baselines").path("majority").path("accuracy").asDouble();
        assertTrue(accuracy > majority, "accuracy " + accuracy + " against the majority class's " + majority);
        assertEquals(3, AppModels.open(new TextClassificationApp(), model).model().classifier().labels().size());
    }
}
