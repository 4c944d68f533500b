package io.rnnsuite.seq2seq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.model.AttentionMap;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heat-map PNG: its size follows the token counts, and a cell's shade is its weight. */
class AttentionHeatMapTest {

    @TempDir
    Path dir;

    @Test
    void pngHasTheLayoutSizeAndShadesCellsByWeight() throws IOException {
        AttentionMap small = new AttentionMap("a b c", "x", List.of("a", " ", "c"), List.of("x", "<eos>"),
                new double[][]{{1, 0, 0}, {0, 0.5, 0.5}});
        List<String> words = IntStream.range(0, 30).mapToObj(i -> "word" + i).toList();
        List<String> outputs = IntStream.range(0, 20).mapToObj(i -> "mot" + i).toList();
        double[][] uniform = new double[20][30];
        for (double[] row : uniform) {
            java.util.Arrays.fill(row, 1.0 / 30);
        }
        AttentionMap large = new AttentionMap(String.join(" ", words), String.join(" ", outputs), words, outputs, uniform);
        Path file = dir.resolve("attention.png");
        AttentionHeatMap.write(List.of(small, large), "caption", file);

        assertTrue(Files.size(file) > 0);
        BufferedImage image = ImageIO.read(file.toFile());
        // margin 16 + legend 64 + panels (row labels 64 + grid (at least 220) + 16): 300 + 500 wide;
        // header 28 + tallest panel (title 40 + 20 rows of 14 + column labels 64) + margin 16 high
        assertEquals(16 + 64 + 300 + 500, image.getWidth());
        assertEquals(28 + 40 + 20 * 14 + 64 + 16, image.getHeight());
        assertEquals(AttentionHeatMap.size(List.of(small, large)).width, image.getWidth());
        int gridLeft = 16 + 64;
        int gridTop = 28 + 40;
        assertEquals(AttentionHeatMap.shade(1).getRGB(), image.getRGB(gridLeft + 7, gridTop + 7), "weight 1");
        assertEquals(Color.WHITE.getRGB(), image.getRGB(gridLeft + 14 + 7, gridTop + 7), "weight 0");
        assertEquals(AttentionHeatMap.shade(0.5).getRGB(), image.getRGB(gridLeft + 14 + 7, gridTop + 14 + 7), "weight 0.5");
        assertTrue(brightness(image.getRGB(gridLeft + 7, gridTop + 7)) < brightness(image.getRGB(gridLeft + 14 + 7, gridTop + 14 + 7)));
    }

    @Test
    void sampleTakesShortMiddleAndLongSources() {
        List<SentencePair> pairs = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            pairs.add(new SentencePair("x".repeat(10 - n), "y"));
        }
        assertEquals(List.of("x".repeat(2), "x".repeat(5), "x".repeat(8)), AttentionHeatMap.sample(pairs, 3));
        assertEquals(List.of("x"), AttentionHeatMap.sample(pairs.subList(8, 9), 3));
    }

    private static int brightness(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
