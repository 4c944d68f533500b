package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.data.EspeakGenerator;
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

    @Test
    void exampleTrainsABidirectionalLstmAndSaves(@TempDir Path dir) {
        assumeTrue(EspeakGenerator.version().isPresent(), "espeak-ng is not installed: the generated example is skipped");
        TrainRun.Outcome<SpeechConfig, SpeechModel> result = SpokenDigitsExample.run("--quick", "--budget", "20s",
                "--output-dir", dir.resolve("m").toString());
        assertTrue(result.config().recurrent().bidirectional());
        double wer = result.test().metric("wer");
        assertTrue(wer >= 0 && wer <= 1, "a share: " + wer);
        assertTrue(Files.isRegularFile(dir.resolve("m").resolve("run.json")));
    }
}
