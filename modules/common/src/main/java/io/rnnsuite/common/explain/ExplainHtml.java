package io.rnnsuite.common.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts every explain page shares: one self-contained HTML file (inline CSS, inline SVG plots,
 * a short inline script that colours the input by the chosen unit; no network) and beside it the
 * JSON of every number it draws. The page embeds exactly that JSON (in the script element
 * {@value #DATA_ID}), so what the page shows is what the file holds.
 *
 * <p>The embedded data must hold {@code activations} ({@link StateValues}), {@code units}
 * ({@link UnitFinding}), {@code hiddenSize} and optionally {@code directions}; the page gives the
 * script the element of every step ({@link #unitScript}).
 */
public final class ExplainHtml {

    /** The id of the script element holding the page's data. */
    public static final String DATA_ID = "explain-data";

    /** The colours of the lines of a plot, in order. */
    public static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;"
            + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}h1{border-bottom:2px solid #357}"
            + "h2{margin-top:2em;border-bottom:1px solid #ccc}.meta{color:#666;font-size:.9em}"
            + ".reading{background:#f3f8ee;border-left:4px solid #7a5;padding:.5em 1em}"
            + "#text{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;border:1px solid #ccc;"
            + "padding:.8em;line-height:1.6;max-height:32em;overflow-y:auto}#text span{border-radius:2px}"
            + "button.pick{margin:.2em;padding:.25em .6em;border:1px solid #99a;background:#f4f6fa;cursor:pointer}"
            + "button.pick.on{background:#357;color:#fff}.plots{display:flex;flex-wrap:wrap;gap:1em}"
            + ".plots figure{margin:0}figcaption{font-size:.85em;color:#444;text-align:center}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.25em .6em}"
            + "th{background:#eef2f7}td.num{text-align:right;font-variant-numeric:tabular-nums}svg text{font-size:11px}";

    private ExplainHtml() {
    }

    /** The JSON file beside {@code html}: same name, {@code .json}. */
    public static Path jsonFile(Path html) {
        String name = html.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return html.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    /** The compact JSON of {@code result}. */
    public static String json(Object result) throws JsonProcessingException {
        return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
    }

    /** Writes the JSON, then the page (each atomically). */
    public static void write(Path html, String json, String page) throws IOException {
        AtomicFiles.writeString(jsonFile(html), json + "\n");
        AtomicFiles.writeString(html, page);
    }

    /** The page up to and including the {@code <h1>}; {@code extraStyle} is appended to the shared CSS. */
    public static void head(StringBuilder b, String title, String extraStyle) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>").append(STYLE).append(extraStyle).append("</style></head><body>\n");
        b.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /** The embedded data, the page's script, and the end of the page. */
    public static void tail(StringBuilder b, String json, String script) {
        b.append("<script type=\"application/json\" id=\"").append(DATA_ID).append("\">")
                .append(json.replace("</", "<\\/")).append("</script>\n");
        b.append("<script>").append(script).append("</script>\n</body></html>\n");
    }

    /**
     * The buttons of the interpretable units, the selectors for any unit and the line naming the
     * unit shown ({@code #current}).
     *
     * @param units      the findings, strongest first
     * @param properties the properties searched
     * @param layers     recurrent layers
     * @param hasCell    whether there is a cell state to choose (LSTM)
     * @param unitsPerLayer units per layer (both directions)
     * @param what       what the properties are of ("the text")
     */
    public static void unitPicker(StringBuilder b, List<UnitFinding> units, List<String> properties, int layers,
                                  boolean hasCell, int unitsPerLayer, String what) {
        if (units.isEmpty()) {
            b.append("<p class=\"reading\">No unit's activation varies together with any of the properties searched (")
                    .append(escape(String.join(", ", properties))).append(").</p>\n");
        } else {
            b.append("<p>The units that follow a simple property of ").append(escape(what)).append(" best (Pearson correlation r"
                    + " of the unit's value with the property, over ").append(escape(what)).append("; searched: ")
                    .append(escape(String.join(", ", properties))).append("):</p>\n<div id=\"picks\">");
            for (UnitFinding f : units) {
                b.append(String.format(Locale.ROOT, "<button class=\"pick\" data-layer=\"%d\" data-state=\"%s\" data-unit=\"%d\">"
                                + "layer %d %s %d: %s, r = %.3f</button>", f.layer(), f.state(), f.unit(), f.layer(), f.state(),
                        f.unit(), escape(f.property()), f.correlation()));
            }
            b.append("</div>\n");
        }
        b.append("<p>Any unit: layer <select id=\"layer\">");
        for (int l = 0; l < layers; l++) {
            b.append("<option value=\"").append(l).append("\">").append(l).append("</option>");
        }
        b.append("</select> state <select id=\"state\"><option value=\"hidden\">hidden</option>");
        if (hasCell) {
            b.append("<option value=\"cell\">cell</option>");
        }
        b.append("</select> unit <input id=\"unit\" type=\"number\" min=\"0\" max=\"").append(unitsPerLayer - 1)
                .append("\" value=\"0\"></p>\n<p id=\"current\" class=\"meta\"></p>\n");
    }

    /**
     * The script that colours every step's element by the chosen unit (blue positive, red negative,
     * scaled by the unit's largest size when beyond 1), wires the buttons and selectors, and shows
     * the first interpretable unit; the body's {@code data-shown} attribute names the unit shown.
     *
     * @param spansJs  JavaScript that, given {@code data}, builds the elements and sets {@code var spans}
     *                 to them, one per step in the order of the activations
     * @param stepWord what a step is called in the hover titles ({@code step}, {@code word})
     */
    public static String unitScript(String spansJs, String stepWord) {
        return String.join("\n",
                "(function(){",
                "var data=JSON.parse(document.getElementById('" + DATA_ID + "').textContent);",
                spansJs,
                "var layerSel=document.getElementById('layer'),stateSel=document.getElementById('state'),unitIn=document.getElementById('unit');",
                "function values(layer,state){for(var i=0;i<data.activations.length;i++){var a=data.activations[i];if(a.layer===layer&&a.state===state)return a.values;}return null;}",
                "function unitName(unit){var h=data.hiddenSize;if(data.directions===2)return 'unit '+unit+(unit<h?' (forward '+unit+')':' (backward '+(unit-h)+')');return 'unit '+unit;}",
                "function show(layer,state,unit){var all=values(layer,state);if(!all||unit<0||unit>=all.length)return;var v=all[unit];",
                "var scale=1;for(var t=0;t<v.length;t++)scale=Math.max(scale,Math.abs(v[t]));",
                "for(var t=0;t<spans.length;t++){var x=v[t]/scale;var a=Math.min(1,Math.abs(x));",
                "spans[t].style.background=x>=0?'rgba(31,119,180,'+a.toFixed(3)+')':'rgba(214,39,40,'+a.toFixed(3)+')';",
                "spans[t].style.color=a>0.6?'#fff':'#000';spans[t].title='" + stepWord + " '+t+': '+v[t];}",
                "layerSel.value=String(layer);stateSel.value=state;unitIn.value=String(unit);",
                "var label='layer '+layer+', '+state+' state, '+unitName(unit)+(scale>1?' (scaled by 1/'+scale.toFixed(2)+')':'');",
                "data.units.forEach(function(f){if(f.layer===layer&&f.state===state&&f.unit===unit)label+=' \\u2014 follows '+f.property+', r = '+f.correlation.toFixed(3);});",
                "document.getElementById('current').textContent=label;",
                "Array.prototype.forEach.call(document.querySelectorAll('button.pick'),function(b){b.classList.toggle('on',+b.dataset.layer===layer&&b.dataset.state===state&&+b.dataset.unit===unit);});",
                "document.body.setAttribute('data-shown',layer+'/'+state+'/'+unit);}",
                "Array.prototype.forEach.call(document.querySelectorAll('button.pick'),function(b){b.addEventListener('click',function(){show(+b.dataset.layer,b.dataset.state,+b.dataset.unit);});});",
                "function fromControls(){show(+layerSel.value,stateSel.value,+unitIn.value);}",
                "layerSel.addEventListener('change',fromControls);stateSel.addEventListener('change',fromControls);unitIn.addEventListener('change',fromControls);",
                "if(data.units.length>0){show(data.units[0].layer,data.units[0].state,data.units[0].unit);}else{show(0,'hidden',0);}",
                "})();");
    }

    /**
     * The gate-saturation section: a scatter per gate and layer, grouped by model, and a reading.
     *
     * @param stepsWord what the shares are of ({@code characters}, {@code words})
     */
    public static void saturationSection(StringBuilder b, List<SaturationPlot> plots, String stepsWord) {
        b.append("<h2>Gate saturation</h2>\n");
        b.append("<p>One point per unit: the share of ").append(stepsWord).append(" at which the gate was left-saturated"
                + " (below 0.1: almost closed) against the share at which it was right-saturated (above 0.9: almost fully open),"
                + " as in Karpathy, Johnson and Fei-Fei (2015), \"Visualizing and Understanding Recurrent Networks\". Points on"
                + " the diagonal are always saturated, one way or the other; points near the corner (0, 0) work in between. The"
                + " last plots read the tanh hidden state the same way, (h + 1) / 2: below -0.8 or above 0.8.</p>\n");
        Map<String, List<SaturationPlot>> byModel = new LinkedHashMap<>();
        for (SaturationPlot p : plots) {
            byModel.computeIfAbsent(p.model(), k -> new ArrayList<>()).add(p);
        }
        List<String> readings = new ArrayList<>();
        for (Map.Entry<String, List<SaturationPlot>> model : byModel.entrySet()) {
            b.append("<h3>").append(escape(model.getKey())).append("</h3>\n<div class=\"plots\">");
            for (SaturationPlot p : model.getValue()) {
                b.append("<figure>").append(scatter(p)).append("<figcaption>layer ").append(p.layer()).append(", ")
                        .append(escape(p.values())).append("</figcaption></figure>");
                readings.add(String.format(Locale.ROOT, "%s layer %d %s: on average %.0f %% of the time in between, %.0f %% near 0,"
                        + " %.0f %% near 1", model.getKey(), p.layer(), p.values(),
                        100 * new Saturation(p.left(), p.right()).meanBetween(), 100 * mean(p.left()), 100 * mean(p.right())));
            }
            b.append("</div>\n");
        }
        b.append("<p class=\"reading\">").append(escape(String.join("; ", readings))).append(".</p>\n");
    }

    /**
     * The memory section: the keep gate of the most persistent units over the input, with their
     * half-lives, or a note that the cell has no keep gate.
     *
     * @param cell       {@code simple_rnn}, {@code lstm} or {@code gru}
     * @param stepsWord  what a step is ({@code character}, {@code word}); plural by adding s
     * @param boundaries steps at which a new sequence starts (drawn as vertical lines), or none
     */
    public static void longMemorySection(StringBuilder b, List<KeptUnit> kept, String cell, int layers, String stepsWord,
                                         int[] boundaries) {
        if (kept.isEmpty()) {
            b.append("<h2>Memory</h2>\n<p>A ").append(escape(cell)).append(" has no gate deciding what to keep: every step"
                    + " rewrites the whole state through tanh (its saturation is above).</p>\n");
            return;
        }
        String gate = kept.get(0).gate();
        b.append("<h2>The units that keep information longest</h2>\n");
        b.append("<p>The ").append(gate).append(" gate at every ").append(stepsWord).append(" for the units whose ")
                .append(gate).append(" gate is highest on average. Its value is the share of the old ")
                .append("lstm".equals(cell) ? "cell state" : "state").append(" carried into the next step; the half-life"
                        + " is the number of steps after which the product of the gate values halves (ln 0.5 / mean ln g):"
                        + " the \"conveyor belt\", measured.");
        if (boundaries.length > 0) {
            b.append(" Grey lines mark where a new text starts (each is read from a zero state).");
        }
        b.append("</p>\n");
        b.append("<table><tr><th>layer</th><th>unit</th><th>mean ").append(gate).append(" gate</th><th>half-life (steps)</th></tr>");
        for (KeptUnit k : kept) {
            b.append(String.format(Locale.ROOT, "<tr><td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%.4f</td>"
                    + "<td class=\"num\">%s</td></tr>", k.layer(), k.unit(), k.meanGate(),
                    k.halfLifeSteps() == null ? "never" : String.format(Locale.ROOT, "%.1f", k.halfLifeSteps())));
        }
        b.append("</table>\n");
        for (int l = 0; l < layers; l++) {
            List<KeptUnit> layer = new ArrayList<>();
            for (KeptUnit k : kept) {
                if (k.layer() == l) {
                    layer.add(k);
                }
            }
            if (!layer.isEmpty()) {
                b.append("<figure>").append(lines(layer, boundaries, stepsWord)).append("<figcaption>layer ").append(l)
                        .append(": ").append(gate).append(" gate over the input</figcaption></figure>\n");
            }
        }
    }

    /** A 260×260 scatter of left against right saturation, the diagonal x + y = 1 drawn. */
    public static String scatter(SaturationPlot p) {
        int size = 260;
        int pad = 40;
        double span = size - pad - 10;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"scatter\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\" role=\"img\">");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#999\"/>",
                pad, span, span));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>",
                pad, pad + span, 10 + span));
        s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">share left-saturated (&lt; 0.1)</text>",
                pad + span / 2, size - 8));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.0f\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.0f)\">"
                + "share right-saturated (&gt; 0.9)</text>", 10 + span / 2, 10 + span / 2));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.0f\">0</text><text x=\"%.0f\" y=\"%.0f\">1</text>"
                + "<text x=\"%d\" y=\"18\">1</text>", pad - 10, 10 + span + 12, pad + span - 4, 10 + span + 12, pad - 10));
        for (int j = 0; j < p.left().length; j++) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f77b4\" fill-opacity=\"0.6\">"
                            + "<title>unit %d: %.1f %% left, %.1f %% right</title></circle>", pad + p.left()[j] * span,
                    10 + (1 - p.right()[j]) * span, j, 100 * p.left()[j], 100 * p.right()[j]));
        }
        return s.append("</svg>").toString();
    }

    /** A 1000×200 line plot of gate values over the input, one line per unit, y in [0, 1]. */
    public static String lines(List<KeptUnit> units, int[] boundaries, String stepWord) {
        List<Series> series = new ArrayList<>();
        for (KeptUnit k : units) {
            series.add(new Series(String.format(Locale.ROOT, "unit %d (mean %.3f)", k.unit(), k.meanGate()), k.values()));
        }
        return lines(series, boundaries, stepWord, 1000, 200, "lines");
    }

    /** A named line of a plot. */
    public record Series(String name, double[] values) {
    }

    /**
     * A line plot of values in [0, 1] against the step, one colour per series (legend below), grey
     * vertical lines at {@code boundaries}.
     */
    public static String lines(List<Series> series, int[] boundaries, String stepWord, int width, int height, String cssClass) {
        int pad = 40;
        double w = width - pad - 10;
        double h = height - 40;
        int steps = series.isEmpty() ? 1 : series.get(0).values().length;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"").append(cssClass).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#999\"/>",
                pad, w, h));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\">1</text><text x=\"%d\" y=\"%.0f\">0</text>"
                + "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%s</text>", pad - 12, pad - 12, 10 + h, pad + w / 2, height - 8,
                escape(stepWord)));
        for (int boundary : boundaries) {
            double x = pad + (steps == 1 ? 0 : (boundary - 0.5) * w / (steps - 1));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#ccc\"/>", x, x, 10 + h));
        }
        int legendX = pad + 8;
        for (int u = 0; u < series.size(); u++) {
            double[] v = series.get(u).values();
            StringBuilder points = new StringBuilder();
            for (int t = 0; t < v.length; t++) {
                double x = pad + (v.length == 1 ? w / 2 : t * w / (v.length - 1));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 10 + (1 - v[t]) * h));
            }
            String colour = COLOURS.get(u % COLOURS.size());
            s.append("<polyline fill=\"none\" stroke-width=\"").append(v.length == 1 ? 6 : 1.5).append("\" stroke-linecap=\"round\" stroke=\"")
                    .append(colour).append("\" points=\"").append(points.toString().trim()).append("\"/>");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", legendX, height - 22, colour,
                    escape(series.get(u).name())));
            legendX += 8 + 7 * series.get(u).name().length();
        }
        return s.append("</svg>").toString();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
