package io.rnnsuite.textclf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Labelled texts made in code: each class draws most words from its own list, some from a shared one. */
public final class SyntheticTexts {

    private static final List<String> SHARED = List.of("the", "a", "of", "small", "large", "kind", "with", "and");
    private static final List<List<String>> TOPICS = List.of(
            List.of("fur", "tail", "paws", "barks", "wild", "hunts"),
            List.of("sweet", "baked", "eaten", "sauce", "fried", "dish"),
            List.of("leaf", "root", "flower", "seeds", "grows", "stem"));
    public static final List<String> LABELS = List.of("animal", "food", "plant");

    private SyntheticTexts() {
    }

    /** {@code perClass} texts of each class as CSV rows (header {@code text,label}); every 7th text has a quoted comma. */
    public static Path writeCsv(Path file, int perClass, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("text,label\n");
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < LABELS.size(); c++) {
                String text = text(c, random);
                sb.append(i % 7 == 0 ? "\"" + text + ", indeed\"" : text).append(',').append(LABELS.get(c)).append('\n');
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    static String text(int label, Random random) {
        int length = 3 + random.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < length; t++) {
            List<String> words = random.nextDouble() < 0.6 ? TOPICS.get(label) : SHARED;
            sb.append(t == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
        }
        return sb.toString();
    }
}
