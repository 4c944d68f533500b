package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.model.ClassifierModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke runs of the text-classification examples through their {@code run(args)} with {@code --quick}. */
class TextClassificationExamplesTest {

    @Test
    void wordNetTopicsExampleTrainsSavesAndTheSavedModelScoresTheSame(@TempDir Path dir) {
        TrainRun.Outcome<TextClassificationConfig, ClassifierModel> outcome =
                WordNetTopicsExample.run("--quick", "--output-dir", dir.toString(), "--budget", "2m");
        Map<String, Object> details = outcome.data().details();
        assertEquals(6, details.get("classes"));
        assertEquals(44_017, (int) details.get("train") + (int) details.get("validation") + (int) details.get("test"));
        assertEquals(1, outcome.trained().training().history().size(), "--quick trains one epoch");
        assertEquals(5, outcome.trained().training().updates(), "of five batches");
        assertTrue(Files.isRegularFile(dir.resolve("run.json")) && Files.isRegularFile(dir.resolve("confusion.png")));
        // the directory holds what was trained: reopened, it scores exactly as the run reported
        TextClassificationApp app = new TextClassificationApp();
        AppModels.Loaded<TextClassificationConfig, ClassifierModel> loaded = AppModels.open(app, dir);
        Evaluation again = app.evaluate(loaded.model(), app.load(loaded.config()));
        assertEquals(outcome.test().metric("accuracy"), again.metric("accuracy"), 1e-12);
        assertEquals(outcome.test().metric("macro_f1"), again.metric("macro_f1"), 1e-12);
    }

    @Test
    void glossSentimentExampleRuns(@TempDir Path dir) {
        TrainRun.Outcome<TextClassificationConfig, ClassifierModel> outcome =
                GlossSentimentExample.run("--quick", "--output-dir", dir.toString());
        assertEquals(List.of("negative", "positive"), outcome.trained().model().classifier().labels());
        assertTrue(outcome.trained().model().classifier().config().recurrent().bidirectional());
        assertTrue(Files.isRegularFile(dir.resolve("model.zip")));
    }

    @Test
    void aBadFlagIsOneLineAndTrainsNothing(@TempDir Path dir) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertNull(GlossSentimentExample.run("--budget", "soon", "--output-dir", dir.toString()));
        } finally {
            System.setErr(original);
        }
        assertEquals(2, TextExampleSettings.lastExitCode);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("error: ") && text.strip().lines().count() == 1, text);
    }
}
