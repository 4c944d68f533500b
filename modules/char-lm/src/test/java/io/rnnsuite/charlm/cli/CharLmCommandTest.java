package io.rnnsuite.charlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.cli.CliErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end on a tiny text: exit codes, one-line errors, help defaults. */
class CharLmCommandTest {

    @TempDir
    static Path dir;
    static Path text;
    static Path model;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainOnce() throws Exception {
        StringBuilder sb = new StringBuilder();
        Random random = new Random(1);
        String[] words = {"the", "red", "fox", "jumps", "over", "a", "lazy", "dog"};
        while (sb.length() < 4000) {
            sb.append(words[random.nextInt(words.length)]).append(random.nextInt(6) == 0 ? ".\n" : " ");
        }
        text = Files.writeString(dir.resolve("tiny.txt"), sb.toString());
        model = dir.resolve("model");
        CharLmCommandTest first = new CharLmCommandTest();
        assertEquals(0, first.run("train", "--text", text.toString(), "--cell", "simple_rnn", "--layers", "1", "--hidden", "16",
                "--sequence-length", "20", "--tbptt", "10", "--epochs", "2", "--max-batches", "3", "--batch-size", "8",
                "--output-dir", model.toString()), first.err.toString());
        assertTrue(first.out.toString().contains("bpc"), first.out.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = CliErrors.install(new CommandLine(new CharLmCommand()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void sampleIsRepeatableWithASeed() {
        assertEquals(0, run("sample", "--model", model.toString(), "--prime", "the ", "--length", "40", "--seed", "3"));
        String first = out.toString();
        out.getBuffer().setLength(0);
        assertEquals(0, run("sample", "--model", model.toString(), "--prime", "the ", "--length", "40", "--seed", "3"));
        assertEquals(first, out.toString());
        assertTrue(first.startsWith("the "), first);
        assertEquals(4 + 40 + System.lineSeparator().length(), first.length());
    }

    @Test
    void evaluateShowsModelAndBaselines() {
        assertEquals(0, run("evaluate", "--model", model.toString()), err.toString());
        String table = out.toString();
        assertTrue(table.contains("simple_rnn") && table.contains("unigram") && table.contains("5-gram Witten-Bell"), table);
    }

    @Test
    void userMistakesAreOneLineWithExitCode2() {
        assertUserError("unknown prime character", "sample", "--model", model.toString(), "--prime", "Zebra");
        assertTrue(err.toString().contains("'Z'") && err.toString().contains("'b'"), err.toString());
        assertUserError("temperature 0", "sample", "--model", model.toString(), "--temperature", "0");
        assertUserError("negative top-k", "sample", "--model", model.toString(), "--top-k", "-1");
        assertUserError("tbptt > sequence", "train", "--text", text.toString(), "--sequence-length", "20", "--tbptt", "40");
        assertUserError("missing model", "sample", "--model", dir.resolve("nothing").toString());
        assertUserError("unknown corpus", "train", "--corpus", "shakespeare", "--output-dir", dir.resolve("x").toString());
    }

    private void assertUserError(String what, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(2, run(args), what + ": " + err);
        String message = err.toString().strip();
        assertTrue(message.startsWith("error: ") && !message.contains("\n") && !message.contains("Exception"), what + ": " + message);
    }

    @Test
    void everyOptionShowsItsDefault() {
        for (String sub : new String[] {"train", "sample", "compare"}) {
            out.getBuffer().setLength(0);
            run(sub, "--help");
            String help = out.toString();
            assertTrue(help.contains("(default: 0.8)") || !sub.equals("sample"), help);
            assertTrue(help.contains("(default: 50)") || sub.equals("sample"), help);
        }
    }
}
