package io.rnnsuite.charlm.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The explain page: one self-contained HTML file (inline CSS, inline SVG plots, a short inline
 * script that colours the text; no network) and beside it the JSON of every number it draws.
 * The page embeds exactly that JSON, so what the text view shows is what the file holds.
 */
public final class ExplainPage {

    /** The id of the script element holding the page's data. */
    public static final String DATA_ID = "explain-data";

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

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

    /** Colours the text by the chosen unit; the picks, the selectors and the hover titles. */
    private static final String SCRIPT = String.join("\n",
            "(function(){",
            "var data=JSON.parse(document.getElementById('" + DATA_ID + "').textContent);",
            "var chars=Array.from(data.text);",
            "var box=document.getElementById('text');",
            "var spans=chars.map(function(c){var s=document.createElement('span');s.textContent=c==='\\n'?'\\u21b5\\n':c;box.appendChild(s);return s;});",
            "var layerSel=document.getElementById('layer'),stateSel=document.getElementById('state'),unitIn=document.getElementById('unit');",
            "function values(layer,state){for(var i=0;i<data.activations.length;i++){var a=data.activations[i];if(a.layer===layer&&a.state===state)return a.values;}return null;}",
            "function show(layer,state,unit){var all=values(layer,state);if(!all||unit<0||unit>=all.length)return;var v=all[unit];",
            "var scale=1;for(var t=0;t<v.length;t++)scale=Math.max(scale,Math.abs(v[t]));",
            "for(var t=0;t<spans.length;t++){var x=v[t]/scale;var a=Math.min(1,Math.abs(x));",
            "spans[t].style.background=x>=0?'rgba(31,119,180,'+a.toFixed(3)+')':'rgba(214,39,40,'+a.toFixed(3)+')';",
            "spans[t].style.color=a>0.6?'#fff':'#000';spans[t].title='step '+t+': '+v[t];}",
            "layerSel.value=String(layer);stateSel.value=state;unitIn.value=String(unit);",
            "var label='layer '+layer+', '+state+' state, unit '+unit+(scale>1?' (scaled by 1/'+scale.toFixed(2)+')':'');",
            "data.units.forEach(function(f){if(f.layer===layer&&f.state===state&&f.unit===unit)label+=' \\u2014 follows '+f.property+', r = '+f.correlation.toFixed(3);});",
            "document.getElementById('current').textContent=label;",
            "Array.prototype.forEach.call(document.querySelectorAll('button.pick'),function(b){b.classList.toggle('on',+b.dataset.layer===layer&&b.dataset.state===state&&+b.dataset.unit===unit);});",
            "document.body.setAttribute('data-shown',layer+'/'+state+'/'+unit);}",
            "Array.prototype.forEach.call(document.querySelectorAll('button.pick'),function(b){b.addEventListener('click',function(){show(+b.dataset.layer,b.dataset.state,+b.dataset.unit);});});",
            "function fromControls(){show(+layerSel.value,stateSel.value,+unitIn.value);}",
            "layerSel.addEventListener('change',fromControls);stateSel.addEventListener('change',fromControls);unitIn.addEventListener('change',fromControls);",
            "if(data.units.length>0){show(data.units[0].layer,data.units[0].state,data.units[0].unit);}else{show(0,'hidden',0);}",
            "})();");

    private ExplainPage() {
    }

    /** The JSON file beside {@code html}: same name, {@code .json}. */
    public static Path jsonFile(Path html) {
        String name = html.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return html.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    /** Writes the JSON, then the page (each atomically). */
    public static void write(ExplainResult result, Path html) throws IOException {
        String json = json(result);
        AtomicFiles.writeString(jsonFile(html), json + "\n");
        AtomicFiles.writeString(html, html(result, json));
    }

    /** The compact JSON of {@code result}. */
    public static String json(ExplainResult result) throws JsonProcessingException {
        return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
    }

    static String html(ExplainResult r, String json) {
        StringBuilder b = new StringBuilder(json.length() + 200_000);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Inside the cells: ")
                .append(escape(r.model())).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        b.append("<h1>Inside the cells: ").append(escape(r.model())).append("</h1>\n");
        b.append("<p class=\"meta\">").append(escape(String.format(Locale.ROOT,
                "%d-layer %s, %d units per layer, reading %d characters of %s from a zero state.",
                r.layers(), r.cell(), r.hiddenSize(), r.text().codePointCount(0, r.text().length()), r.textSource())))
                .append(" Every value here comes from re-running the cell equations on the trained parameters step by step"
                        + " (the hidden states equal the network's own output); the numbers are in the JSON file beside this page.</p>\n");

        textSection(b, r);
        saturationSection(b, r);
        longMemorySection(b, r);

        b.append("<script type=\"application/json\" id=\"").append(DATA_ID).append("\">")
                .append(json.replace("</", "<\\/")).append("</script>\n");
        b.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return b.toString();
    }

    private static void textSection(StringBuilder b, ExplainResult r) {
        b.append("<h2>The text, coloured by one unit</h2>\n");
        b.append("<p>Blue: the unit's value is positive, red: negative, the stronger the colour the larger (hidden states lie in"
                + " [-1, 1]; a cell state is divided by its largest size over the text). Hover a character for the value.</p>\n");
        if (r.units().isEmpty()) {
            b.append("<p class=\"reading\">No unit's activation varies together with any of the properties searched (")
                    .append(escape(String.join(", ", r.properties()))).append(").</p>\n");
        } else {
            b.append("<p>The units that follow a simple property of the text best (Pearson correlation r of the unit's value with the"
                    + " property, over this text; searched: ").append(escape(String.join(", ", r.properties())))
                    .append("):</p>\n<div id=\"picks\">");
            for (UnitFinding f : r.units()) {
                b.append(String.format(Locale.ROOT, "<button class=\"pick\" data-layer=\"%d\" data-state=\"%s\" data-unit=\"%d\">"
                                + "layer %d %s %d: %s, r = %.3f</button>", f.layer(), f.state(), f.unit(), f.layer(), f.state(),
                        f.unit(), escape(f.property()), f.correlation()));
            }
            b.append("</div>\n");
        }
        b.append("<p>Any unit: layer <select id=\"layer\">");
        for (int l = 0; l < r.layers(); l++) {
            b.append("<option value=\"").append(l).append("\">").append(l).append("</option>");
        }
        b.append("</select> state <select id=\"state\"><option value=\"hidden\">hidden</option>");
        if ("lstm".equals(r.cell())) {
            b.append("<option value=\"cell\">cell</option>");
        }
        b.append("</select> unit <input id=\"unit\" type=\"number\" min=\"0\" max=\"").append(r.hiddenSize() - 1)
                .append("\" value=\"0\"></p>\n<p id=\"current\" class=\"meta\"></p>\n<div id=\"text\"></div>\n");
    }

    private static void saturationSection(StringBuilder b, ExplainResult r) {
        b.append("<h2>Gate saturation</h2>\n");
        b.append("<p>One point per unit: the share of characters at which the gate was left-saturated (below 0.1: almost"
                + " closed) against the share at which it was right-saturated (above 0.9: almost fully open), as in Karpathy,"
                + " Johnson and Fei-Fei (2015), \"Visualizing and Understanding Recurrent Networks\". Points on the diagonal"
                + " are always saturated, one way or the other; points near the corner (0, 0) work in between. The last plots"
                + " read the tanh hidden state the same way, (h + 1) / 2: below -0.8 or above 0.8.</p>\n");
        Map<String, List<ExplainResult.SaturationPlot>> byModel = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (ExplainResult.SaturationPlot p : r.saturation()) {
            if (!byModel.containsKey(p.model())) {
                order.add(p.model());
            }
            byModel.computeIfAbsent(p.model(), k -> new ArrayList<>()).add(p);
        }
        List<String> readings = new ArrayList<>();
        for (String model : order) {
            b.append("<h3>").append(escape(model)).append("</h3>\n<div class=\"plots\">");
            for (ExplainResult.SaturationPlot p : byModel.get(model)) {
                b.append("<figure>").append(scatter(p)).append("<figcaption>layer ").append(p.layer()).append(", ")
                        .append(escape(p.values())).append("</figcaption></figure>");
                readings.add(String.format(Locale.ROOT, "%s layer %d %s: on average %.0f %% of the time in between, %.0f %% near 0,"
                        + " %.0f %% near 1", model, p.layer(), p.values(), 100 * new Saturation(p.left(), p.right()).meanBetween(),
                        100 * mean(p.left()), 100 * mean(p.right())));
            }
            b.append("</div>\n");
        }
        b.append("<p class=\"reading\">").append(escape(String.join("; ", readings))).append(".</p>\n");
    }

    private static void longMemorySection(StringBuilder b, ExplainResult r) {
        if (r.longMemory().isEmpty()) {
            b.append("<h2>Memory</h2>\n<p>A ").append(escape(r.cell())).append(" has no gate deciding what to keep: every step"
                    + " rewrites the whole state through tanh (its saturation is above).</p>\n");
            return;
        }
        String gate = r.longMemory().get(0).gate();
        b.append("<h2>The units that keep information longest</h2>\n");
        b.append("<p>The ").append(gate).append(" gate at every character for the units whose ").append(gate)
                .append(" gate is highest on average. Its value is the share of the old ")
                .append("lstm".equals(r.cell()) ? "cell state" : "state").append(" carried into the next step; the half-life"
                        + " is the number of steps after which the product of the gate values halves (ln 0.5 / mean ln g):"
                        + " the \"conveyor belt\", measured.</p>\n");
        b.append("<table><tr><th>layer</th><th>unit</th><th>mean ").append(gate).append(" gate</th><th>half-life (steps)</th></tr>");
        for (ExplainResult.KeptUnit k : r.longMemory()) {
            b.append(String.format(Locale.ROOT, "<tr><td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%.4f</td>"
                    + "<td class=\"num\">%s</td></tr>", k.layer(), k.unit(), k.meanGate(),
                    k.halfLifeSteps() == null ? "never" : String.format(Locale.ROOT, "%.1f", k.halfLifeSteps())));
        }
        b.append("</table>\n");
        for (int l = 0; l < r.layers(); l++) {
            List<ExplainResult.KeptUnit> layer = new ArrayList<>();
            for (ExplainResult.KeptUnit k : r.longMemory()) {
                if (k.layer() == l) {
                    layer.add(k);
                }
            }
            if (!layer.isEmpty()) {
                b.append("<figure>").append(lines(layer)).append("<figcaption>layer ").append(l).append(": ").append(gate)
                        .append(" gate over the text</figcaption></figure>\n");
            }
        }
    }

    /** A 260×260 scatter of left against right saturation, the diagonal x + y = 1 drawn. */
    static String scatter(ExplainResult.SaturationPlot p) {
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

    /** A 1000×200 line plot of gate values over the text, one line per unit, y in [0, 1]. */
    static String lines(List<ExplainResult.KeptUnit> units) {
        int width = 1000;
        int height = 200;
        int pad = 40;
        double w = width - pad - 10;
        double h = height - 40;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"lines\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#999\"/>",
                pad, w, h));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\">1</text><text x=\"%d\" y=\"%.0f\">0</text>"
                + "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">character</text>", pad - 12, pad - 12, 10 + h, pad + w / 2, height - 8));
        for (int u = 0; u < units.size(); u++) {
            ExplainResult.KeptUnit k = units.get(u);
            double[] v = k.values();
            StringBuilder points = new StringBuilder();
            for (int t = 0; t < v.length; t++) {
                double x = pad + (v.length == 1 ? 0 : t * w / (v.length - 1));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 10 + (1 - v[t]) * h));
            }
            String colour = COLOURS[u % COLOURS.length];
            s.append("<polyline fill=\"none\" stroke-width=\"1\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">unit %d (mean %.3f)</text>",
                    pad + 8 + 150 * u, height - 22, colour, k.unit(), k.meanGate()));
        }
        return s.append("</svg>").toString();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
