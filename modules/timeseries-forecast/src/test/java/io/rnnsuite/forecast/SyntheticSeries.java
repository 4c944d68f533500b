package io.rnnsuite.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Test fixtures made in code: seasonal series written as CSV. */
public final class SyntheticSeries {

    private SyntheticSeries() {
    }

    /** {@code 20 + 0.05 t + 5 sin(2πt/12) + noise}, monthly labels from 2000-01. */
    public static String seasonalCsv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("month,value\n");
        for (int t = 0; t < rows; t++) {
            double value = 20 + 0.05 * t + 5 * Math.sin(2 * Math.PI * t / 12) + 0.3 * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d-%02d,%.4f%n", 2000 + t / 12, t % 12 + 1, value));
        }
        return csv.toString();
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
