package io.rnnsuite.charlm.explain;

import io.rnnsuite.common.explain.ExplainHtml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The character model's explain page: the text coloured by one unit, the gate-saturation scatters
 * and the keep gates of the most persistent units, built from the shared {@link ExplainHtml}
 * parts; beside it the JSON of every number it draws, which the page embeds.
 */
public final class ExplainPage {

    /** The id of the script element holding the page's data. */
    public static final String DATA_ID = ExplainHtml.DATA_ID;

    /** One span per character, a line end shown as ↵. */
    private static final String SPANS = "var chars=Array.from(data.text);var box=document.getElementById('text');"
            + "var spans=chars.map(function(c){var s=document.createElement('span');s.textContent=c==='\\n'?'\\u21b5\\n':c;"
            + "box.appendChild(s);return s;});";

    private ExplainPage() {
    }

    /** The JSON file beside {@code html}: same name, {@code .json}. */
    public static Path jsonFile(Path html) {
        return ExplainHtml.jsonFile(html);
    }

    /** Writes the JSON, then the page (each atomically). */
    public static void write(ExplainResult result, Path html) throws IOException {
        String json = ExplainHtml.json(result);
        ExplainHtml.write(html, json, html(result, json));
    }

    static String html(ExplainResult r, String json) {
        StringBuilder b = new StringBuilder(json.length() + 200_000);
        ExplainHtml.head(b, "Inside the cells: " + r.model(), "");
        b.append("<p class=\"meta\">").append(ExplainHtml.escape(String.format(Locale.ROOT,
                "%d-layer %s, %d units per layer, reading %d characters of %s from a zero state.",
                r.layers(), r.cell(), r.hiddenSize(), r.text().codePointCount(0, r.text().length()), r.textSource())))
                .append(" Every value here comes from re-running the cell equations on the trained parameters step by step"
                        + " (the hidden states equal the network's own output); the numbers are in the JSON file beside this page.</p>\n");

        b.append("<h2>The text, coloured by one unit</h2>\n");
        b.append("<p>Blue: the unit's value is positive, red: negative, the stronger the colour the larger (hidden states lie in"
                + " [-1, 1]; a cell state is divided by its largest size over the text). Hover a character for the value.</p>\n");
        ExplainHtml.unitPicker(b, r.units(), r.properties(), r.layers(), "lstm".equals(r.cell()), r.hiddenSize(), "the text");
        b.append("<div id=\"text\"></div>\n");
        ExplainHtml.saturationSection(b, r.saturation(), "characters");
        ExplainHtml.longMemorySection(b, r.longMemory(), r.cell(), r.layers(), "character", new int[0]);
        ExplainHtml.tail(b, json, ExplainHtml.unitScript(SPANS, "step"));
        return b.toString();
    }
}
