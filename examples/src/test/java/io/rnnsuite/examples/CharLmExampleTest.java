package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test: the example runs end to end on a tiny text for two batches. */
class CharLmExampleTest {

    @Test
    void runsOnATinyText(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("tiny.txt"), "The quick brown fox jumps over the lazy dog. ".repeat(60));
        CharLmExample.Result result = CharLmExample.run("--text", text.toString(), "--epochs", "1", "--max-batches", "2",
                "--hidden", "16", "--sequence-length", "20", "--output-dir", dir.resolve("model").toString());
        assertEquals(300, result.sample().length());
        assertEquals(3, result.baselines().size());
        assertTrue(result.training().evaluation().test().bitsPerSymbol() > 0);
        assertTrue(Files.isRegularFile(dir.resolve("model").resolve("run.json")));
    }
}
