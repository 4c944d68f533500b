package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.textclf.TrainRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke runs of the text-classification examples through their {@code run(args)} with {@code --quick}. */
class TextClassificationExamplesTest {

    @Test
    void wordNetTopicsExampleRunsAndSaves(@TempDir Path dir) {
        TrainRun.Result result = WordNetTopicsExample.run("--quick", "--output-dir", dir.toString());
        assertEquals(6, result.split().labels().size());
        assertEquals(44_017, result.split().train().size() + result.split().validation().size() + result.split().test().size());
        assertTrue(result.test().metrics().accuracy() >= 0);
        assertTrue(Files.isRegularFile(dir.resolve("run.json")));
    }

    @Test
    void glossSentimentExampleRuns(@TempDir Path dir) {
        TrainRun.Result result = GlossSentimentExample.run("--quick", "--output-dir", dir.toString());
        assertEquals(java.util.List.of("negative", "positive"), result.split().labels());
        assertTrue(Files.isRegularFile(dir.resolve("model.zip")));
    }
}
