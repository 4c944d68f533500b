package io.rnnsuite.common.report;

import io.rnnsuite.common.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A self-contained HTML page: inline CSS, PNG plots embedded as data URIs, no scripts, no network.
 * Built section by section and written atomically.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;"
            + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}h1{border-bottom:2px solid #357}"
            + "h2{margin-top:2em;border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:1em 0;font-size:.92em}"
            + "th,td{border:1px solid #ccc;padding:.25em .6em}th{background:#eef2f7}td.num{text-align:right;"
            + "font-variant-numeric:tabular-nums}img{max-width:100%;border:1px solid #ddd;margin:.5em 0}"
            + "pre{background:#f6f6f6;padding:.8em;overflow-x:auto;white-space:pre-wrap}.reading{background:#f3f8ee;"
            + "border-left:4px solid #7a5;padding:.5em 1em}.meta{color:#666;font-size:.9em}"
            + "details{margin:.5em 0 1.5em}summary{cursor:pointer;font-weight:600;color:#357}nav li{margin:.15em 0}";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A section heading that the table of contents can link to. */
    public HtmlReport heading(String text, String id) {
        body.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A table of contents: each entry's text linking to the heading with that id. */
    public HtmlReport contents(java.util.Map<String, String> titlesById) {
        body.append("<nav><ul>\n");
        titlesById.forEach((id, title) -> body.append("<li><a href=\"#").append(escape(id)).append("\">").append(escape(title))
                .append("</a></li>\n"));
        body.append("</ul></nav>\n");
        return this;
    }

    /** Starts a part that is folded away until clicked (no script needed); close it with {@link #endFolded()}. */
    public HtmlReport beginFolded(String summary) {
        body.append("<details><summary>").append(escape(summary)).append("</summary>\n");
        return this;
    }

    public HtmlReport endFolded() {
        body.append("</details>\n");
        return this;
    }

    public HtmlReport subheading(String text) {
        body.append("<h3>").append(escape(text)).append("</h3>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A highlighted plain-language reading of a result. */
    public HtmlReport reading(String text) {
        body.append("<p class=\"reading\">").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport meta(String text) {
        body.append("<p class=\"meta\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A list of links, each entry's text linking to its address (a relative path or a URL). */
    public HtmlReport links(java.util.Map<String, String> hrefByText) {
        body.append("<ul class=\"links\">\n");
        hrefByText.forEach((text, href) -> body.append("<li><a href=\"").append(escape(href)).append("\">").append(escape(text))
                .append("</a></li>\n"));
        body.append("</ul>\n");
        return this;
    }

    public HtmlReport table(MarkdownTable table) {
        body.append(table.toHtml());
        return this;
    }

    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** Embeds a PNG file; a missing file is reported in the page instead of breaking it. */
    public HtmlReport image(Path png, String alt) throws IOException {
        if (!Files.isRegularFile(png)) {
            return paragraph("(plot " + png.getFileName() + " was not produced)");
        }
        String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        body.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,").append(data).append("\">\n");
        return this;
    }

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, html());
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
