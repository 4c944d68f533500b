package io.rnnsuite.textclf.explain;

import io.rnnsuite.common.explain.ExplainHtml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classifier's explain page, built from the shared {@link ExplainHtml} parts: the texts coloured
 * by one unit, then per text how the prediction builds up word by word and what each word weighs
 * (occlusion), the words each class is known by, gate saturation and the most persistent units;
 * beside it the JSON of every number it draws, which the page embeds.
 */
public final class ClassifierExplainPage {

    private static final String STYLE = ".words{font-family:ui-monospace,Menlo,Consolas,monospace;line-height:1.9;"
            + "border:1px solid #ccc;padding:.3em .6em;margin:.2em 0 .8em}.words span{padding:1px 3px;border-radius:2px}"
            + "#texts{max-height:40em;overflow-y:auto;padding-right:.5em}.card{margin:1.2em 0}.card .meta{margin:.2em 0}svg.running text.word{font-size:10px}";

    /** One span per word, in the order of the activations, into each text's box. */
    private static final String SPANS = "var spans=[];data.texts.forEach(function(x,i){var box=document.getElementById('words-'+i);"
            + "x.words.forEach(function(w){var s=document.createElement('span');s.textContent=w;box.appendChild(s);"
            + "box.appendChild(document.createTextNode(' '));spans.push(s);});});";

    private ClassifierExplainPage() {
    }

    /** The JSON file beside {@code html}: same name, {@code .json}. */
    public static Path jsonFile(Path html) {
        return ExplainHtml.jsonFile(html);
    }

    /** Writes the JSON, then the page (each atomically). */
    public static void write(ClassifierExplainResult result, Path html) throws IOException {
        String json = ExplainHtml.json(result);
        ExplainHtml.write(html, json, html(result, json));
    }

    static String html(ClassifierExplainResult r, String json) {
        StringBuilder b = new StringBuilder(json.length() + 200_000);
        ExplainHtml.head(b, "Inside the classifier: " + r.model(), STYLE);
        int words = r.texts().stream().mapToInt(t -> t.words().size()).sum();
        String layout = r.directions() == 2
                ? String.format(Locale.ROOT, "bidirectional %s, %d units per direction (units 0–%d read forwards, %d–%d backwards)",
                        r.cell(), r.hiddenSize(), r.hiddenSize() - 1, r.hiddenSize(), 2 * r.hiddenSize() - 1)
                : String.format(Locale.ROOT, "%s, %d units", r.cell(), r.hiddenSize());
        b.append("<p class=\"meta\">").append(ExplainHtml.escape(String.format(Locale.ROOT,
                "%d-layer %s per layer, %s pooling, classes %s; reading %d texts (%d words) of %s, each from a zero state.",
                r.layers(), layout, r.pooling(), String.join(", ", r.labels()), r.texts().size(), words, r.textSource())))
                .append(" The states come from re-running the cell equations on the trained parameters word by word (they equal"
                        + " the network's own output); the predictions from prefixes and from texts with a word left out come"
                        + " from the network itself. The numbers are in the JSON file beside this page.</p>\n");
        if (r.note() != null) {
            b.append("<p class=\"reading\">").append(ExplainHtml.escape(r.note())).append("</p>\n");
        }

        b.append("<h2>The texts, coloured by one unit</h2>\n");
        b.append("<p>Blue: the unit's value after reading the word is positive, red: negative, the stronger the colour the larger"
                + " (hidden states lie in [-1, 1]; a cell state is divided by its largest size over the texts). Hover a word for"
                + " the value. Correlations are over the words of all texts.</p>\n");
        ExplainHtml.unitPicker(b, r.units(), r.properties(), r.layers(), "lstm".equals(r.cell()), r.hiddenSize() * r.directions(),
                "the words");
        b.append("<div id=\"texts\">");
        for (int i = 0; i < r.texts().size(); i++) {
            ClassifierExplainResult.TextView t = r.texts().get(i);
            b.append("<p class=\"meta\">").append(ExplainHtml.escape(heading(t))).append("</p><div class=\"words\" id=\"words-")
                    .append(i).append("\"></div>\n");
        }
        b.append("</div>\n");

        predictionSection(b, r);
        classWordsSection(b, r.classWords());
        ExplainHtml.saturationSection(b, r.saturation(), "words");
        int[] boundaries = r.texts().stream().skip(1).mapToInt(ClassifierExplainResult.TextView::start).toArray();
        ExplainHtml.longMemorySection(b, r.longMemory(), r.cell(), r.layers(), "word", boundaries);
        ExplainHtml.tail(b, json, ExplainHtml.unitScript(SPANS, "word"));
        return b.toString();
    }

    private static String heading(ClassifierExplainResult.TextView t) {
        int p = t.probabilities().length;
        double best = 0;
        for (int c = 0; c < p; c++) {
            best = Math.max(best, t.probabilities()[c]);
        }
        return String.format(Locale.ROOT, "%s%s: predicted %s (%.3f)%s", t.where(),
                t.label() == null ? "" : ", labelled " + t.label(), t.predicted(), best,
                t.tokens() > t.words().size() ? String.format(Locale.ROOT, "; cut from %d to %d words as in training", t.tokens(),
                        t.words().size()) : "");
    }

    private static void predictionSection(StringBuilder b, ClassifierExplainResult r) {
        b.append("<h2>How the prediction builds up, word by word</h2>\n");
        b.append("<p>For each text: the words coloured by their influence — how much the predicted class's probability drops"
                + " when that word alone is left out (green: the word supports the prediction, purple: it speaks against it; full"
                + " colour at 0.5) — and each class's probability when the model reads only the first k words (the last point is"
                + " the prediction for the whole text).</p>\n");
        List<String> readings = new ArrayList<>();
        double settledShare = 0;
        String strongest = null;
        double strongestSize = -1;
        for (ClassifierExplainResult.TextView t : r.texts()) {
            settledShare += t.settledAfter() / (double) t.words().size();
            if (t.influence() != null) {
                for (int i = 0; i < t.influence().length; i++) {
                    if (Math.abs(t.influence()[i]) > strongestSize) {
                        strongestSize = Math.abs(t.influence()[i]);
                        strongest = String.format(Locale.ROOT, "'%s' in %s (%+.3f)", t.words().get(i), t.where(), t.influence()[i]);
                    }
                }
            }
        }
        readings.add(String.format(Locale.ROOT, "On average the prediction was settled (every longer prefix already gave the final"
                + " class) after %.0f %% of a text's words", 100 * settledShare / r.texts().size()));
        if (strongest != null) {
            readings.add("the word that weighed most: " + strongest);
        }
        b.append("<p class=\"reading\">").append(ExplainHtml.escape(String.join("; ", readings))).append(".</p>\n");
        for (ClassifierExplainResult.TextView t : r.texts()) {
            b.append("<div class=\"card\"><p class=\"meta\">").append(ExplainHtml.escape(heading(t)))
                    .append(String.format(Locale.ROOT, "; settled after %d of %d words", t.settledAfter(), t.words().size()))
                    .append("</p><div class=\"words influence\">");
            for (int i = 0; i < t.words().size(); i++) {
                Double d = t.influence() == null ? null : t.influence()[i];
                String word = ExplainHtml.escape(t.words().get(i));
                if (d == null) {
                    b.append("<span title=\"a one-word text: nothing is left when it is dropped\">").append(word).append("</span> ");
                } else {
                    double a = Math.min(1, Math.abs(d) / 0.5);
                    String colour = d >= 0 ? "44,160,44" : "148,103,189";
                    b.append(String.format(Locale.ROOT, "<span style=\"background:rgba(%s,%.3f);color:%s\" title=\"left out: p(%s)"
                                    + " changes by %+.4f%s\">%s</span> ", colour, a, a > 0.6 ? "#fff" : "#000",
                            ExplainHtml.escape(t.predicted()), -d, t.known().get(i) ? "" : "; not in the vocabulary (read as UNK)", word));
                }
            }
            b.append("</div>").append(runningPlot(t, r.labels())).append("</div>\n");
        }
    }

    /** Each class's probability after every prefix, words as ticks. */
    static String runningPlot(ClassifierExplainResult.TextView t, List<String> labels) {
        int n = t.words().size();
        int pad = 40;
        int width = Math.max(360, Math.min(1000, pad + 20 + 28 * n));
        int plotHeight = 130;
        int height = plotHeight + 90;
        double w = width - pad - 20;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"running\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" role=\"img\">");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%.0f\" height=\"%d\" fill=\"#fafafa\" stroke=\"#999\"/>",
                pad, w, plotHeight));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\">1</text><text x=\"%d\" y=\"%d\">0</text>"
                + "<text x=\"6\" y=\"%d\" transform=\"rotate(-90 10 %d)\">p(class)</text>", pad - 14, pad - 14, 10 + plotHeight,
                10 + plotHeight / 2 + 20, 10 + plotHeight / 2));
        for (int k = 0; k < n; k++) {
            double x = x(k, n, pad, w);
            s.append(String.format(Locale.ROOT, "<text class=\"word\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %d)\">%s</text>",
                    x, 22 + plotHeight, x, 22 + plotHeight, ExplainHtml.escape(abbreviate(t.words().get(k)))));
        }
        int legendX = pad;
        for (int c = 0; c < labels.size(); c++) {
            String colour = ExplainHtml.COLOURS.get(c % ExplainHtml.COLOURS.size());
            StringBuilder points = new StringBuilder();
            for (int k = 0; k < n; k++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(k, n, pad, w), 10 + (1 - t.running()[k][c]) * plotHeight));
            }
            boolean predicted = labels.get(c).equals(t.predicted());
            if (n == 1) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x(0, 1, pad, w),
                        10 + (1 - t.running()[0][c]) * plotHeight, colour));
            }
            s.append("<polyline class=\"running-class\" fill=\"none\" stroke-width=\"").append(predicted ? "2.5" : "1.2")
                    .append("\" stroke=\"").append(colour).append("\" points=\"").append(points.toString().trim()).append("\"/>");
            String name = labels.get(c) + (predicted ? " (predicted)" : "");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\"%s>%s</text>", legendX, height - 6, colour,
                    predicted ? " font-weight=\"bold\"" : "", ExplainHtml.escape(name)));
            legendX += 14 + 7 * name.length();
        }
        return s.append("</svg>").toString();
    }

    private static double x(int k, int n, int pad, double w) {
        return pad + 10 + (n == 1 ? (w - 20) / 2 : k * (w - 20) / (n - 1));
    }

    private static String abbreviate(String word) {
        return word.length() <= 14 ? word : word.substring(0, 13) + "…";
    }

    private static void classWordsSection(StringBuilder b, Map<String, List<String>> classWords) {
        if (classWords.isEmpty()) {
            return;
        }
        b.append("<h2>The words each class is known by</h2>\n");
        b.append("<p>From the training split: per class, the words whose texts carry that label most often compared with how common"
                + " the label is (add-one smoothed; words in at least ").append(ClassWords.MIN_TEXTS).append(" training texts)."
                + " Two properties per class are searched above: the word is one of these, and how many of them were read so"
                + " far.</p>\n<table><tr><th>class</th><th>words</th></tr>");
        for (Map.Entry<String, List<String>> c : classWords.entrySet()) {
            b.append("<tr><td>").append(ExplainHtml.escape(c.getKey())).append("</td><td>")
                    .append(ExplainHtml.escape(String.join(", ", c.getValue()))).append("</td></tr>");
        }
        b.append("</table>\n");
    }
}
