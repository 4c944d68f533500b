package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.seq2seq.TranslateApp;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.model.Translator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Smoke run of the translation example, and the translate commands through the rnn-suite CLI. */
class TranslationExamplesTest {

    @Test
    void numbersExampleRunsAndSaves(@TempDir Path dir) {
        TrainRun.Outcome<TranslationConfig, Translator> result = NumbersTranslationExample.run("--quick", "--budget", "2m",
                "--output-dir", dir.toString());
        assertEquals(200, result.data().details().get("pairs"));
        assertTrue(result.config().attention(), "the example trains with attention");
        assertEquals(120.0, result.config().training().timeBudgetSeconds(), "--budget reaches the training");
        double exact = result.test().metric("exact_match");
        assertTrue(exact >= 0 && exact <= 1, "exact match is a share: " + exact);
        assertEquals(List.of("copy_source", "nearest_neighbour"), result.baselines().stream().map(e -> e.model()).toList());
        for (String file : new String[]{"model.zip", "app-config.json", "run.json", "attention-heatmap.png"}) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertEquals(null, NumbersTranslationExample.run("--budget", "soon"), "a bad flag is a usage error, not a run");

        // the saved model through the CLI: a good sentence, then user mistakes → exit 2, one line
        assertEquals(0, execute(new StringWriter(), "translate", "predict", "--model", dir.toString(), "forty-two"));
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "translate", "predict", "--model", dir.toString(), "forty-two ¤"));
        assertOneLine(err, "'¤'");
        err = new StringWriter();
        assertEquals(2, execute(err, "translate", "predict", "--model", dir.toString(), ""));
        assertOneLine(err, "empty");
        err = new StringWriter();
        assertEquals(2, execute(err, "translate", "predict", "--model", dir.toString(), "seven ".repeat(50)));
        assertOneLine(err, "longer than");
        assertEquals(0, execute(new StringWriter(), "translate", "evaluate", "--model", dir.toString()));
    }

    @Test
    void badPairsFilesAndOtherAppsDirectoriesAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path noTab = Files.writeString(dir.resolve("bad.tsv"), "Go.\tVa !\nHello\n");
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "translate", "train", "--pairs", noTab.toString(), "--output-dir", dir.resolve("m").toString()));
        assertOneLine(err, "line 2");
        Path empty = Files.writeString(dir.resolve("empty.tsv"), "");
        err = new StringWriter();
        assertEquals(2, execute(err, "translate", "train", "--pairs", empty.toString(), "--output-dir", dir.resolve("m").toString()));
        assertOneLine(err, "no pairs");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("model.zip"), "x");
        Files.writeString(other.resolve("run.json"), "{\"app\": \"text-classification\"}");
        err = new StringWriter();
        assertEquals(2, execute(err, "translate", "predict", "--model", other.toString(), "seven"));
        assertOneLine(err, "text-classification");
    }

    @Test
    void everyOptionShowsItsDefault() {
        for (String sub : new String[]{"train", "evaluate", "predict", "compare"}) {
            CommandLine command = translate().getSubcommands().get(sub);
            command.getCommandSpec().options().stream()
                    .filter(o -> !o.usageHelp() && !o.versionHelp() && !o.required() && !"--pairs".equals(o.longestName()))
                    .forEach(o -> assertTrue(String.join(" ", o.description()).contains("(default: "),
                            sub + " " + o.longestName()));
        }
    }

    /** {@code rnn-suite translate}: the registered app's command. */
    private static CommandLine translate() {
        assertTrue(Apps.named("translate") instanceof TranslateApp);
        return RnnSuiteCommand.newCommandLine().getSubcommands().get("translate");
    }

    private static int execute(StringWriter err, String... args) {
        CommandLine commandLine = RnnSuiteCommand.newCommandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static void assertOneLine(StringWriter err, String expected) {
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: ") && text.contains(expected), text);
    }
}
