package io.rnnsuite.charlm;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Small texts and settings generated in code, so tests run in seconds. */
public final class TinyCorpus {

    private TinyCorpus() {
    }

    /** Repetitive English-like text of about {@code characters} characters. */
    public static String text(int characters, long seed) {
        String[] words = {"The", "the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "to", "its", "bed", "quickly"};
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < characters) {
            sb.append(words[random.nextInt(words.length)]);
            sb.append(random.nextInt(8) == 0 ? ".\n" : " ");
        }
        return sb.toString();
    }

    /** {@link #text} written to {@code dir/tiny.txt}. */
    public static Path file(Path dir, int characters, long seed) throws IOException {
        return Files.writeString(dir.resolve("tiny.txt"), text(characters, seed));
    }

    /** 16 units, sequences of 20, tBPTT 10, 80/10/10 split, no text file (the bundled corpus). */
    public static CharLmConfig config(CellType cell, int layers) {
        return new CharLmConfig(CharLmConfig.DEFAULT_CORPUS, null, new RecurrentSpec(cell, 16, layers, false, 0.0),
                20, 10, 1, 0.1, 0.1, training(1, 1));
    }

    public static TrainingConfig training(int epochs, int maxBatches) {
        return new TrainingConfig(epochs, 8, 0.01, 5, 1.0, 7L, maxBatches, 0);
    }
}
