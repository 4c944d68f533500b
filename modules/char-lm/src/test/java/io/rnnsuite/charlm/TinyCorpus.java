package io.rnnsuite.charlm;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.train.TrainingConfig;
import java.util.Random;

/** Small texts and settings generated in code, so tests run in seconds. */
final class TinyCorpus {

    private TinyCorpus() {
    }

    /** Repetitive English-like text of about {@code characters} characters. */
    static String text(int characters, long seed) {
        String[] words = {"the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "to", "its", "bed", "quickly"};
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < characters) {
            sb.append(words[random.nextInt(words.length)]);
            sb.append(random.nextInt(8) == 0 ? ".\n" : " ");
        }
        return sb.toString();
    }

    static CharLmConfig config(CellType cell, int layers) {
        return new CharLmConfig(cell, 16, layers, 0.0, 20, 10, 1, 0.1, 0.1);
    }

    static TrainingConfig training(int epochs, int maxBatches) {
        return new TrainingConfig(epochs, 8, 0.01, 5, 1.0, 7L, maxBatches, 0);
    }
}
