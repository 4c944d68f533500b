package io.rnnsuite.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import io.rnnsuite.common.cli.CliErrors;
import picocli.CommandLine;

/** Small inputs made in code for the apps' train commands, and a way to run a command and keep what it printed. */
final class TestData {

    private static final List<String> WORDS = List.of("a", "cat", "sat", "on", "the", "mat", "and", "the", "dog", "ran");
    private static final List<String> SHARED = List.of("the", "a", "of", "with", "and", "very");
    private static final List<List<String>> TOPICS = List.of(
            List.of("river", "boat", "shore", "water", "fish"),
            List.of("bread", "oven", "flour", "butter", "crust"),
            List.of("engine", "wheel", "brake", "road", "fuel"));

    private TestData() {
    }

    /** Repetitive word text of about {@code characters} characters. */
    static Path text(Path dir, int characters, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < characters) {
            sb.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(9) == 0 ? ".\n" : " ");
        }
        return Files.writeString(dir.resolve("words.txt"), sb.toString(), StandardCharsets.UTF_8);
    }

    /** {@code perClass} short texts per topic as {@code text,label} CSV. */
    static Path labelledCsv(Path dir, int perClass, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("text,label\n");
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < TOPICS.size(); c++) {
                int length = 4 + random.nextInt(6);
                StringBuilder text = new StringBuilder();
                for (int t = 0; t < length; t++) {
                    List<String> words = random.nextDouble() < 0.6 ? TOPICS.get(c) : SHARED;
                    text.append(t == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
                }
                sb.append(text).append(",topic").append(c).append('\n');
            }
        }
        return Files.writeString(dir.resolve("topics.csv"), sb.toString(), StandardCharsets.UTF_8);
    }

    /** What a command printed and returned. */
    record Run(int exitCode, String out, String err, double seconds) {
    }

    static Run run(CommandLine command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = CliErrors.install(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - start) / 1e9);
    }
}
