package io.rnnsuite.textclf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.textclf.SyntheticTexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end on tiny settings: train → predict → evaluate → compare, and user errors → exit 2, one line. */
class ClassifyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = CliErrors.install(new CommandLine(new ClassifyCommand()));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String captureStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static final String[] TINY = {"--epochs", "2", "--max-batches", "3", "--hidden", "4", "--embedding-size", "4",
        "--batch-size", "8", "--min-count", "1"};

    private String[] with(String... args) {
        String[] all = new String[args.length + TINY.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(TINY, 0, all, args.length, TINY.length);
        return all;
    }

    @Test
    void trainPredictEvaluateAndCompare() throws IOException {
        Path csv = SyntheticTexts.writeCsv(dir.resolve("t.csv"), 20, 2);
        Path model = dir.resolve("m");
        assertEquals(0, run(with("train", "--csv", csv.toString(), "--cell", "simple_rnn", "--output-dir", model.toString())),
                err.toString());
        String predicted = captureStdout(() -> assertEquals(0, run("predict", "--model", model.toString(), "fur tail")));
        assertTrue(predicted.matches("(animal|food|plant)\tanimal=0\\.\\d{4} food=0\\.\\d{4} plant=0\\.\\d{4}\\R"), predicted);
        String evaluated = captureStdout(() -> assertEquals(0, run("evaluate", "--model", model.toString())));
        assertTrue(evaluated.contains("accuracy") && evaluated.contains("actual\\pred"), evaluated);
        Path report = dir.resolve("report");
        String compared = captureStdout(() -> assertEquals(0, run(with("compare", "--csv", csv.toString(),
                "--cells", "lstm", "--report-dir", report.toString()))));
        assertTrue(compared.contains("majority") && compared.contains("bow-tfidf") && compared.contains("lstm"), compared);
        assertTrue(Files.isRegularFile(report.resolve("report.md")) && Files.isRegularFile(report.resolve("confusion.png")));
    }

    @Test
    void userMistakesExitWithCodeTwoAndOneLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "body,label\nx,y\n");
        assertEquals(2, run(with("train", "--csv", csv.toString(), "--output-dir", dir.resolve("m").toString())));
        assertTrue(err.toString().startsWith("error: " + csv + " line 1: no column 'text'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(Files.notExists(dir.resolve("m").resolve("run.json")), "nothing half-written");

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("model.zip"), "x");
        Files.writeString(other.resolve("run.json"), "{\"app\": \"char-lm\"}");
        StringWriter fresh = new StringWriter();
        CommandLine commandLine = CliErrors.install(new CommandLine(new ClassifyCommand()));
        commandLine.setErr(new PrintWriter(fresh, true));
        assertEquals(2, commandLine.execute("predict", "--model", other.toString(), "some text"));
        assertTrue(fresh.toString().contains("made by 'char-lm'"), fresh.toString());
    }

    @Test
    void vectorsFileCountsGoToTheConsoleAndRunJsonAndABadFileIsOneLine() throws IOException {
        Path csv = SyntheticTexts.writeCsv(dir.resolve("t.csv"), 20, 2);
        Path vectors = Files.writeString(dir.resolve("vectors.txt"), "fur 0.1 0.2 0.3 0.4\nsweet 1 2 3 4\n");
        Path model = dir.resolve("m");
        String out = captureStdout(() -> assertEquals(0, run(with("train", "--csv", csv.toString(), "--embeddings",
                vectors.toString(), "--freeze-embeddings", "--output-dir", model.toString()))));
        assertTrue(out.matches("(?s).*embeddings: 2 of \\d+ vocabulary words found in .*vectors\\.txt; \\d+ initialised "
                + "randomly; frozen.*"), out);
        String runJson = Files.readString(model.resolve("run.json"));
        assertTrue(runJson.contains("\"words_found\" : 2") && runJson.contains("\"frozen\" : true"), runJson);

        Path bad = Files.writeString(dir.resolve("bad.txt"), "fur 0.1 0.2 0.3 0.4\nsweet 1 2 3\n");
        assertEquals(2, run(with("train", "--csv", csv.toString(), "--embeddings", bad.toString(),
                "--output-dir", dir.resolve("m2").toString())));
        assertTrue(err.toString().startsWith("error: embeddings file " + bad + " line 2: expected 4 values"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(Files.notExists(dir.resolve("m2").resolve("run.json")), "nothing half-written");
    }

    @Test
    void everyOptionShowsItsDefault() {
        for (String sub : new String[] {"train", "compare"}) {
            String help = new CommandLine(new ClassifyCommand()).getSubcommands().get(sub).getUsageMessage();
            assertTrue(help.contains("default: 40") && help.contains("default: wordnet-topics"), help);
            assertTrue(help.contains("Maximum epochs (default: 10)"), help);
        }
    }
}
