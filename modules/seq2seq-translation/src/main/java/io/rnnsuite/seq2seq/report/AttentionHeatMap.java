package io.rnnsuite.seq2seq.report;

import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.model.AttentionMap;
import io.rnnsuite.seq2seq.model.Translator;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Attention heat maps as one PNG: a panel per sentence, side by side; in each, rows are the output
 * tokens, columns the source tokens, and a cell's shade is the attention weight (white 0, dark blue
 * 1), with the tokens written along both axes (a space shows as {@code ␣}). The layout uses fixed
 * bands for labels, so the image size depends only on the token counts ({@link #size}). Drawn with
 * Java2D, headless.
 */
public final class AttentionHeatMap {

    /** The PNG's usual file name (in a model or report directory). */
    public static final String FILE_NAME = "attention-heatmap.png";
    /** Sentences drawn by {@link #write(Translator, List, Path)}. */
    public static final int SENTENCES = 3;
    static final int CELL = 14;
    static final int MARGIN = 16;
    static final int HEADER = 28;
    static final int TITLE = 40;
    static final int ROW_LABELS = 64;
    static final int COLUMN_LABELS = 64;
    static final int MIN_GRID_WIDTH = 220;
    static final int LEGEND = 64;
    private static final int LEGEND_HEIGHT = 10 * CELL;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private AttentionHeatMap() {
    }

    /**
     * Translates {@value #SENTENCES} test sources of short, middle and long length (evenly spaced in
     * the length order) and writes their heat maps to {@code file}.
     *
     * @return the drawn maps
     */
    public static List<AttentionMap> write(Translator translator, List<SentencePair> pairs, Path file) throws IOException {
        List<AttentionMap> maps = sample(pairs, SENTENCES).stream().map(translator::attention).toList();
        write(maps, "attention of " + translator.config().label() + ": rows = output tokens, columns = source tokens", file);
        return maps;
    }

    /** Writes the maps as one PNG, atomically. */
    public static void write(List<AttentionMap> maps, String caption, Path file) throws IOException {
        BufferedImage image = render(maps, caption);
        AtomicFiles.write(file, tmp -> ImageIO.write(image, "png", tmp.toFile()));
    }

    /** {@code count} sources evenly spaced in length order (stable for a given list). */
    static List<String> sample(List<SentencePair> pairs, int count) {
        List<String> sources = pairs.stream().map(SentencePair::source)
                .sorted(Comparator.comparingInt(String::length)).toList();
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count && i < sources.size(); i++) {
            picked.add(sources.get((int) ((i + 0.5) * sources.size() / Math.min(count, sources.size()))));
        }
        return picked;
    }

    /** The image size for these maps. */
    public static Dimension size(List<AttentionMap> maps) {
        int width = MARGIN + LEGEND;
        int height = TITLE + LEGEND_HEIGHT + 24; // room for the legend under short panels
        for (AttentionMap map : maps) {
            width += panelWidth(map);
            height = Math.max(height, panelHeight(map));
        }
        return new Dimension(width, HEADER + height + MARGIN);
    }

    static BufferedImage render(List<AttentionMap> maps, String caption) {
        System.setProperty("java.awt.headless", "true");
        Dimension size = size(maps);
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size.width, size.height);
        g.setFont(FONT);
        g.setColor(Color.BLACK);
        g.drawString(caption, MARGIN, 18);
        int x = MARGIN;
        for (AttentionMap map : maps) {
            drawPanel(g, map, x, HEADER);
            x += panelWidth(map);
        }
        drawLegend(g, x, HEADER + TITLE);
        g.dispose();
        return image;
    }

    /** Shade of a weight in [0, 1]: white to dark blue. */
    static Color shade(double weight) {
        double w = Math.max(0, Math.min(1, weight));
        int rg = (int) Math.round(255 * (1 - w));
        return new Color(rg, rg, (int) Math.round(255 - 120 * w));
    }

    private static int panelWidth(AttentionMap map) {
        return ROW_LABELS + Math.max(MIN_GRID_WIDTH, map.sourceTokens().size() * CELL) + MARGIN;
    }

    private static int panelHeight(AttentionMap map) {
        return TITLE + map.outputTokens().size() * CELL + COLUMN_LABELS;
    }

    private static void drawPanel(Graphics2D g, AttentionMap map, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        int titleWidth = panelWidth(map) - MARGIN;
        g.setColor(Color.BLACK);
        g.drawString(fit(map.source(), fm, titleWidth), x, y + 14);
        g.drawString(fit("→ " + map.translation(), fm, titleWidth), x, y + 30);
        int left = x + ROW_LABELS;
        int top = y + TITLE;
        double[][] w = map.weights();
        for (int t = 0; t < w.length; t++) {
            String label = fit(visible(map.outputTokens().get(t)), fm, ROW_LABELS - 6);
            g.setColor(Color.BLACK);
            g.drawString(label, left - 4 - fm.stringWidth(label), top + t * CELL + CELL - 3);
            for (int s = 0; s < w[t].length; s++) {
                g.setColor(shade(w[t][s]));
                g.fillRect(left + s * CELL, top + t * CELL, CELL, CELL);
            }
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(left, top, map.sourceTokens().size() * CELL, w.length * CELL);
        int bottom = top + w.length * CELL;
        g.setColor(Color.BLACK);
        for (int s = 0; s < map.sourceTokens().size(); s++) {
            String label = visible(map.sourceTokens().get(s));
            int cellLeft = left + s * CELL;
            if (fm.stringWidth(label) <= CELL) {
                g.drawString(label, cellLeft + (CELL - fm.stringWidth(label)) / 2, bottom + fm.getAscent() + 2);
            } else {
                // words read top to bottom, rotated a quarter turn
                AffineTransform saved = g.getTransform();
                g.translate(cellLeft + CELL / 2 - fm.getDescent(), bottom + 4);
                g.rotate(Math.PI / 2);
                g.drawString(fit(label, fm, COLUMN_LABELS - 8), 0, 0);
                g.setTransform(saved);
            }
        }
    }

    private static void drawLegend(Graphics2D g, int x, int top) {
        int height = LEGEND_HEIGHT;
        for (int i = 0; i < height; i++) {
            g.setColor(shade(1 - (double) i / (height - 1)));
            g.drawLine(x, top + i, x + CELL, top + i);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, top, CELL, height);
        g.drawString("1", x + CELL + 4, top + 10);
        g.drawString("0", x + CELL + 4, top + height);
        g.drawString("weight", x, top + height + 16);
    }

    private static String visible(String token) {
        return token.replace(" ", FONT.canDisplay('␣') ? "␣" : "_");
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fm.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
