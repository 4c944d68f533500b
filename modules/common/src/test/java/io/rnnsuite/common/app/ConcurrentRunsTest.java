package io.rnnsuite.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.toy.ToyApp;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.DirectoryLock;
import io.rnnsuite.common.io.ModelDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A second train or compare into a directory another run holds refuses with one line and writes nothing. */
class ConcurrentRunsTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondTrainOrCompareIntoABusyDirectoryRefuses() throws Exception {
        Path dir = tmp.resolve("busy");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try (DirectoryLock lock = DirectoryLock.acquire(dir, "toy train")) {
                locked.countDown();
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        first.start();
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            for (String verb : new String[] {"train", "compare"}) {
                StringWriter err = new StringWriter();
                CommandLine line = CliErrors.install(AppCommands.of(new ToyApp()));
                line.setOut(new PrintWriter(new StringWriter(), true));
                line.setErr(new PrintWriter(err, true));
                assertEquals(2, line.execute(verb, "--output-dir", dir.toString(), "--epochs", "1"), err.toString());
                String text = err.toString().strip();
                assertEquals(1, text.lines().count(), text);
                assertTrue(text.startsWith("error: " + dir + " is in use by another run (process "), text);
                try (var files = Files.list(dir)) {
                    assertEquals(1, files.count(), "only the first run's lock: nothing of the second run's");
                }
            }
        } finally {
            release.countDown();
            first.join();
        }
        StringWriter err = new StringWriter();
        CommandLine line = CliErrors.install(AppCommands.of(new ToyApp()));
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        assertEquals(0, line.execute("train", "--output-dir", dir.toString(), "--epochs", "1"), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve(ModelDirectory.RUN_FILE)));
        assertFalse(Files.exists(dir.resolve(DirectoryLock.FILE)), "released when the run ends");
    }
}
