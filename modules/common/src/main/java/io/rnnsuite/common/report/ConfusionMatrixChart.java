package io.rnnsuite.common.report;

import io.rnnsuite.common.eval.ClassificationMetrics;
import io.rnnsuite.common.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A confusion matrix as a PNG heat map: rows are the actual classes, columns the predicted ones,
 * each cell shaded by its share of the row (so recall per class reads along the diagonal) and
 * labelled with its count. Drawn with Java2D, headless.
 */
public final class ConfusionMatrixChart {

    private static final int CELL = 64;
    private static final int MARGIN = 40;

    private ConfusionMatrixChart() {
    }

    /** Writes the PNG atomically to {@code file}. */
    public static void write(ClassificationMetrics metrics, String title, Path file) throws IOException {
        BufferedImage image = render(metrics, title);
        AtomicFiles.write(file, tmp -> ImageIO.write(image, "png", tmp.toFile()));
    }

    static BufferedImage render(ClassificationMetrics metrics, String title) {
        int k = metrics.labels().size();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        int labelWidth = 10;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        for (String label : metrics.labels()) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(label) + 10);
        }
        int left = MARGIN + labelWidth;
        int top = MARGIN + 30;
        int width = Math.max(left + k * CELL + MARGIN, fm.stringWidth(title) + 2 * MARGIN);
        int height = top + k * CELL + MARGIN + 20;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN, 20);
        g.drawString("predicted →", left, top - 18);
        g.drawString("actual ↓", 5, top - 4);
        int[][] cm = metrics.confusion();
        for (int i = 0; i < k; i++) {
            int rowTotal = 0;
            for (int c : cm[i]) {
                rowTotal += c;
            }
            g.setColor(Color.BLACK);
            g.drawString(metrics.labels().get(i), MARGIN, top + i * CELL + CELL / 2 + 4);
            for (int j = 0; j < k; j++) {
                double share = rowTotal == 0 ? 0 : (double) cm[i][j] / rowTotal;
                int shade = (int) Math.round(255 * (1 - share));
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(left + j * CELL, top + i * CELL, CELL, CELL);
                g.setColor(Color.GRAY);
                g.drawRect(left + j * CELL, top + i * CELL, CELL, CELL);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String count = Integer.toString(cm[i][j]);
                g.drawString(count, left + j * CELL + (CELL - fm.stringWidth(count)) / 2, top + i * CELL + CELL / 2 + 4);
            }
        }
        g.setColor(Color.BLACK);
        for (int j = 0; j < k; j++) {
            String label = metrics.labels().get(j);
            String shown = fm.stringWidth(label) > CELL - 4 ? label.substring(0, Math.min(label.length(), 8)) : label;
            g.drawString(shown, left + j * CELL + (CELL - fm.stringWidth(shown)) / 2, top + k * CELL + 16);
        }
        g.dispose();
        return image;
    }
}
