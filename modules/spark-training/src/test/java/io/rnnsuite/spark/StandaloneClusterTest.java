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
 * {@code -Drnnsuite.spark.cluster=true}. The spark-submit test also needs the application jar and a
 * Spark installation's jars ({@value #APP_JAR}, {@value #DISTRIBUTION}; scripts/spark/cluster-tests.sh
 * builds both and runs this class): the cluster's Spark home then holds those jars, as an installed
 * Spark's does, and the submitted jar is all the executors get of the suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

    /** Property: the {@code -Pspark-app} jar to submit. */
    static final String APP_JAR = "rnnsuite.spark.app.jar";
    /** Property: a file holding a Spark installation's jars as a class path (the spark-distribution pom's). */
    static final String DISTRIBUTION = "rnnsuite.spark.distribution";

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
        cluster = new OneMachineCluster(Files.createDirectories(logs), 2, sparkJars());
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

    /** The Spark installation's jars named by {@value #DISTRIBUTION}, or none. */
    private static List<Path> sparkJars() throws java.io.IOException {
        String file = System.getProperty(DISTRIBUTION, "");
        if (file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            return List.of();
        }
        return java.util.Arrays.stream(Files.readString(Path.of(file)).strip().split(java.io.File.pathSeparator))
                .filter(p -> !p.isBlank()).map(Path::of).toList();
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
    void theApplicationJarTrainsAfterSparkSubmitAndItsModelLoads() throws Exception {
        String jar = System.getProperty(APP_JAR, "");
        List<Path> spark = sparkJars();
        Assumptions.assumeTrue(!jar.isBlank() && Files.isRegularFile(Path.of(jar)) && !spark.isEmpty(),
                "the spark-submit test needs -D" + APP_JAR + "=JAR and -D" + DISTRIBUTION + "=FILE (scripts/spark/cluster-tests.sh)");
        Path text = TestData.text(Files.createDirectories(dir.resolve("submitted")), 6000, 11);
        Path model = dir.resolve("charlm-submitted");
        // what bin/spark-submit runs (spark-class): SparkSubmit on the installation's jars, with Java 17's opens
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(List.of(System.getProperty("rnnsuite.spark.opens", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-cp", cluster.home().resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.url(), "--deploy-mode", "client", "--class", "io.rnnsuite.spark.SparkTrain",
                "--conf", "spark.executor.memory=768m", jar,
                "charlm", "train", "--text", text.toString(), "--epochs", "1", "--workers", "2",
                "--output-dir", model.toString()));
        command.addAll(SparkTrainCommandTest.CHAR_LM);
        Path log = cluster.home().getParent().resolve("spark-submit.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", cluster.home().toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process submit = builder.start();
        try {
            assertTrue(submit.waitFor(240, TimeUnit.SECONDS), "spark-submit still running after 240 s; log " + log);
        } finally {
            submit.destroyForcibly();
        }
        assertEquals(0, submit.exitValue(), "spark-submit failed; log " + log + ":\n" + tail(log, 30));
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        JsonNode on = record.path("training").path("cluster");
        assertEquals(cluster.url(), on.path("master").asText(), on.toString());
        assertEquals(2, on.path("workers").asInt());
        assertEquals("read by the workers", on.path("data").asText(), on.toString());
        assertEquals(1, record.path("training").path("epochs").size());
        assertTrue(AppModels.open(new CharLmApp(), model).model().network().numParams() > 0);
    }

    private static String tail(Path log, int lines) throws java.io.IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Test
    @Order(3)
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
