package io.rnnsuite.common.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A small table rendered as GitHub markdown or as aligned plain text for the console. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; numbers are formatted with {@link #number}. */
    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        rows.add(Arrays.stream(cells).map(MarkdownTable::cell).toList());
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Four significant digits, no exponent for ordinary magnitudes; NaN shown as "–". */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs >= 1e6 || abs < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String cell(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    /** An HTML {@code <table>} (cells escaped; numeric columns get class {@code num}). */
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(HtmlReport.escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                sb.append(c > 0 && looksNumeric(v) ? "<td class=\"num\">" : "<td>").append(HtmlReport.escape(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** Columns padded to equal width, for the console; numeric columns right-aligned. */
    public String toText() {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            numeric[c] = c > 0 && !rows.isEmpty();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
                numeric[c] &= looksNumeric(row.get(c));
            }
        }
        StringBuilder sb = new StringBuilder();
        appendText(sb, header, width, numeric);
        int total = Arrays.stream(width).sum() + 2 * (width.length - 1);
        sb.append("-".repeat(total)).append('\n');
        for (List<String> row : rows) {
            appendText(sb, row, width, numeric);
        }
        return sb.toString();
    }

    private static boolean looksNumeric(String v) {
        return v.matches("[-+]?[0-9.,]+(e[-+]?[0-9]+)?( ?%|x|s)?") || v.equals("–");
    }

    private static void appendText(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(String.format("%" + (numeric[c] ? "" : "-") + width[c] + "s", cells.get(c)));
            if (c + 1 < cells.size()) {
                line.append("  ");
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
