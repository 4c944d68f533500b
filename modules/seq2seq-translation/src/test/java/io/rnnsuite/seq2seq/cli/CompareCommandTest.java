package io.rnnsuite.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.cli.CliErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code translate compare} end to end on tiny settings, and a bad flag value as a one-line error. */
class CompareCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = CliErrors.install(new CommandLine(new TranslateCommand()));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void compareWritesATableOfAllFourModels() throws IOException {
        assertEquals(0, run("compare", "--dataset", "numbers-en-fr", "--pairs-count", "60", "--max-length", "30",
                "--hidden", "4", "--epochs", "1", "--max-batches", "2", "--compare-beam", "2",
                "--report-dir", dir.toString()), err.toString());
        String report = Files.readString(dir.resolve("seq2seq-compare.md"));
        for (String model : new String[]{"simple_rnn", "| lstm", "bilstm", "lstm+attention"}) {
            assertTrue(report.contains(model), model + " in\n" + report);
        }
        assertTrue(report.contains("exact (beam 2)"), report);
        assertTrue(Files.size(dir.resolve("attention-heatmap.png")) > 0);
        assertTrue(report.contains("](attention-heatmap.png)"), report);
    }

    @Test
    void unknownDatasetIsOneLine() {
        assertEquals(2, run("train", "--dataset", "klingon-en", "--output-dir", dir.resolve("m").toString()));
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("unknown dataset 'klingon-en'") && text.contains("numbers-en-fr"), text);
    }
}
