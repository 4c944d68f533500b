package io.rnnsuite.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.examples.RnnSuiteCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code compare}, for real: a child JVM runs forecast then classify on the smallest
 * budget the command accepts; once forecast's results are on disk it gets SIGINT while classify
 * trains, and must end saying where the finished part is, with that part's files intact.
 */
class CompareInterruptTest {

    private static final long START_TIMEOUT_SECONDS = 240;
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    @Test
    void ctrlCKeepsTheFinishedAppAndSaysWhere(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "needs kill -INT (Linux)");
        // a background job of a non-interactive shell starts with SIGINT ignored, and the child JVM would inherit it
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this JVM (started as a background job of a non-interactive"
                + " shell?), so the child would ignore Ctrl-C too");
        Path reportDir = tmp.resolve("report");
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        // 3 models (2 quick forecast series, 1 classifier) at the 5-s minimum each
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), RnnSuiteCommand.class.getName(),
                "compare", "--quick", "--apps", "forecast,classify", "--cells", "simple_rnn", "--budget", "15s",
                "--output-dir", reportDir.toString(), "--keep-models", tmp.resolve("models").toString());
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            Path results = reportDir.resolve("results.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
            while (!Files.exists(results) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(results), "forecast finished within " + START_TIMEOUT_SECONDS + " s; stderr:\n" + read(stderr));
            assertTrue(process.isAlive(), "still running classify when interrupted; stdout:\n" + read(stdout));

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -INT delivered");
            assertTrue(process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the run ended within "
                    + EXIT_TIMEOUT_SECONDS + " s of Ctrl-C; stderr:\n" + read(stderr));

            String err = read(stderr);
            assertTrue(err.contains("interrupted: finished parts (forecast) are in " + reportDir.toAbsolutePath()), err);
            JsonNode json = Json.MAPPER.readTree(results.toFile());
            assertTrue(json.path("apps").has("forecast"), json.toString());
            assertFalse(json.path("apps").has("classify"), "classify had not finished: " + json);
            assertTrue(Files.readString(reportDir.resolve("summary.md")).contains("| airpassengers |"));
            assertTrue(Files.isRegularFile(tmp.resolve("models/forecast/airpassengers/simple_rnn/run.json")),
                    "the finished app's models are kept");
            assertFalse(Files.exists(tmp.resolve("models/classify")), "the interrupted app kept nothing half-made");
            assertTrue(Files.readString(reportDir.resolve("index.html")).contains(">Time-series forecasting</h2>"));
            try (Stream<Path> files = Files.list(reportDir)) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(),
                        "no half-written report files");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Bit 2 (SIGINT) of the ignored-signals mask in /proc/self/status. */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2L) != 0;
            }
        }
        return false;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
