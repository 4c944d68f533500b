package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.RunRecordSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test: the example runs end to end on a tiny text for two batches, and refuses bad flags. */
class CharLmExampleTest {

    @Test
    void runsOnATinyText(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("tiny.txt"), "The quick brown fox jumps over the lazy dog. ".repeat(60));
        Path model = dir.resolve("model");
        CharLmExample.Result result = CharLmExample.run("--text", text.toString(), "--epochs", "1", "--max-batches", "2",
                "--hidden", "16", "--layers", "1", "--sequence-length", "20", "--tbptt", "10", "--budget", "2m",
                "--output-dir", model.toString());
        assertEquals(0, result.exitCode());
        assertEquals(300, result.sample().length());
        List<Evaluation> baselines = result.outcome().baselines();
        assertEquals(List.of("unigram", "3-gram Witten-Bell", "5-gram Witten-Bell"), baselines.stream().map(Evaluation::model).toList());
        // a repeated sentence: the 5-gram predicts it far better than character frequencies
        assertTrue(baselines.get(2).metric("bits_per_char") < baselines.get(0).metric("bits_per_char") - 1, baselines.toString());
        double vocabulary = ((Number) result.outcome().data().details().get("vocabulary_size")).doubleValue();
        double bpc = result.outcome().test().metric("bits_per_char");
        assertTrue(bpc > 0 && bpc < Math.log(vocabulary) / Math.log(2) + 1, "near uniform after two batches at worst: " + bpc);
        RunRecordSchema.assertValid(model.resolve("run.json"));
        assertEquals(16, result.outcome().config().recurrentSpec().hiddenSize());
    }

    @Test
    void aBadFlagIsExitCodeTwo() {
        CharLmExample.Result result = CharLmExample.run("--budget", "ten minutes");
        assertEquals(2, result.exitCode());
        assertNull(result.outcome());
    }
}
