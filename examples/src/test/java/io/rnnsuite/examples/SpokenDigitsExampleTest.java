package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.model.SpeechModel;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Smoke run of the spoken-digits example, and {@code rnn-suite speech} in the CLI. */
class SpokenDigitsExampleTest {

    @Test
    void speechIsACommandOfTheSuite() {
        StringWriter out = new StringWriter();
        CommandLine line = RnnSuiteCommand.newCommandLine();
        line.setOut(new PrintWriter(out, true));
        assertEquals(0, line.execute("speech", "--help"));
        assertTrue(out.toString().contains("train") && out.toString().contains("predict"), out.toString());
    }

    /** Generated speech: espeak-ng's voices, or FreeTTS's pseudo-speakers where espeak-ng is not installed. */
    @Test
    void exampleTrainsABidirectionalLstmAndSaves(@TempDir Path dir) {
        TrainRun.Outcome<SpeechConfig, SpeechModel> result = SpokenDigitsExample.run("--quick", "--budget", "20s",
                "--output-dir", dir.resolve("m").toString());
        assertTrue(result.config().recurrent().bidirectional());
        double wer = result.test().metric("wer");
        assertTrue(wer >= 0 && wer <= 1, "a share: " + wer);
        assertTrue(Files.isRegularFile(dir.resolve("m").resolve("run.json")));
    }
}
