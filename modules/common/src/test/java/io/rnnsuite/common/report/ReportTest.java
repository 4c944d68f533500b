package io.rnnsuite.common.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void markdownAndTextTables() {
        MarkdownTable table = new MarkdownTable("model", "MAE").row("lstm", 1.23456).row("persistence", Double.NaN);
        assertEquals("| model | MAE |\n|---|---|\n| lstm | 1.235 |\n| persistence | – |\n", table.toMarkdown());
        String text = table.toText();
        assertTrue(text.startsWith("model          MAE\n"), text);
        assertTrue(text.contains("lstm         1.235\npersistence      –\n"), text);
        assertEquals("1.200e-04", MarkdownTable.number(0.00012));
        assertEquals("12345.7", MarkdownTable.number(12345.67));
    }

    @Test
    void writesAReadablePng(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("chart.png");
        new LineChart("t", "x", "y").line("a", new double[] {0, 1, 2}, new double[] {1, 3, 2})
                .dashedLine("b", new double[] {0, 2}, new double[] {2, 2}).savePng(png, 320, 200);
        BufferedImage image = ImageIO.read(png.toFile());
        assertArrayEquals(new int[] {320, 200}, new int[] {image.getWidth(), image.getHeight()});
    }
}
