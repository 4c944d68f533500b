package io.rnnsuite.textclf.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.explain.ExplainHtml;
import io.rnnsuite.common.explain.HeadlessChromium;
import io.rnnsuite.common.explain.ReplayNetworks;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.textclf.SyntheticTexts;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.data.TextEncoder;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;

/**
 * {@code classify explain} end to end on a tiny trained two-layer BiLSTM: the page holds the JSON
 * file's numbers, its states equal the network's own output, the running prediction of each whole
 * text is the model's prediction, bad input is one line, and the page renders in headless Chromium
 * (skipped with a message where none is installed).
 */
class ClassifyExplainCommandTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path page;
    static JsonNode json;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainAndExplain() throws Exception {
        Path csv = SyntheticTexts.writeCsv(dir.resolve("t.csv"), 30, 2);
        model = dir.resolve("m");
        ClassifyExplainCommandTest first = new ClassifyExplainCommandTest();
        assertEquals(0, first.run("train", "--csv", csv.toString(), "--cell", "lstm", "--layers", "2", "--bidirectional",
                "--hidden", "6", "--embedding-size", "5", "--min-count", "1", "--epochs", "2", "--max-batches", "4",
                "--batch-size", "16", "--budget", "1m", "--output-dir", model.toString()), first.err.toString());
        page = dir.resolve("out").resolve("page.html");
        assertEquals(0, first.run("explain", "--model", model.toString(), "--count", "5", "--output", page.toString()),
                first.err.toString());
        assertTrue(first.out.toString().contains("wrote " + page), first.out.toString());
        json = Json.MAPPER.readTree(dir.resolve("out").resolve("page.json").toFile());
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = CliErrors.install(new TextClassificationApp().command());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void statesOnThePageAreTheNetworksAndTheLastPrefixIsThePrediction() throws Exception {
        Matcher embedded = Pattern.compile("<script type=\"application/json\" id=\"" + ExplainHtml.DATA_ID + "\">(.*?)</script>",
                Pattern.DOTALL).matcher(Files.readString(page));
        assertTrue(embedded.find(), "the page embeds its data");
        JsonNode onPage = Json.MAPPER.readTree(embedded.group(1));
        assertEquals(json, onPage, "the page shows the JSON file's numbers");
        assertEquals(5, onPage.path("texts").size());
        assertEquals(2, onPage.path("directions").asInt());
        assertEquals(2, onPage.path("layers").asInt());

        RecurrentTextClassifier classifier = AppModels.open(new TextClassificationApp(), model).model().classifier();
        int checked = 0;
        for (JsonNode text : onPage.path("texts")) {
            assertTrue(SyntheticTexts.LABELS.contains(text.path("label").asText()), "test texts carry their label");
            List<String> words = new ArrayList<>();
            text.path("words").forEach(w -> words.add(w.asText()));
            double[] expected = classifier.probabilities(List.of(text.path("text").asText()))[0];
            JsonNode last = text.path("running").get(words.size() - 1);
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[c], last.get(c).asDouble(), 2e-6, "running prediction of the whole text");
            }
            INDArray features = TextEncoder.batch(List.of(classifier.vocabulary().encode(words))).features();
            List<double[][]> own = ReplayNetworks.ownStates(classifier.network(), features, 1, 2);
            int start = text.path("start").asInt();
            for (JsonNode states : onPage.path("activations")) {
                if (!"hidden".equals(states.path("state").asText())) {
                    continue;
                }
                double[][] layer = own.get(states.path("layer").asInt());
                for (int t = 0; t < layer.length; t++) {
                    for (int j = 0; j < 12; j++) {
                        assertEquals(layer[t][j], states.path("values").get(j).get(start + t).asDouble(), 2e-5,
                                "layer " + states.path("layer").asInt() + " unit " + j + " word " + t);
                        checked++;
                    }
                }
            }
            assertEquals(words.size(), text.path("influence").size());
        }
        assertTrue(checked > 2 * 12 * 5, "both layers, every unit of both directions, every word: " + checked);
        assertTrue(json.path("classWords").path("animal").toString().contains("fur"), json.path("classWords").toString());
        assertTrue(json.path("properties").toString().contains(WordProperties.classWordsSoFar("plant")), json.path("properties").toString());
    }

    @Test
    void textsFromArgumentsOrAFile() throws IOException {
        Path output = dir.resolve("args").resolve("p.html");
        assertEquals(0, run("explain", "--model", model.toString(), "fur tail", "sweet baked dish of the kind", "--output",
                output.toString()), err.toString());
        JsonNode fromArgs = Json.MAPPER.readTree(ExplainHtml.jsonFile(output).toFile());
        assertEquals(List.of("fur", "tail"), List.of(fromArgs.path("texts").get(0).path("words").get(0).asText(),
                fromArgs.path("texts").get(0).path("words").get(1).asText()));
        assertTrue(fromArgs.path("texts").get(0).path("label").isNull());
        Path file = Files.writeString(dir.resolve("texts.txt"), "leaf root\n\nwild hunts\n");
        assertEquals(0, run("explain", "--model", model.toString(), "--text", file.toString(), "--output", output.toString()),
                err.toString());
        JsonNode fromFile = Json.MAPPER.readTree(ExplainHtml.jsonFile(output).toFile());
        assertEquals(2, fromFile.path("texts").size(), "blank lines skipped");
        assertEquals(file + ":3", fromFile.path("texts").get(1).path("where").asText());
    }

    @Test
    void badInputIsOneLineAndWritesNothing() {
        Path output = dir.resolve("bad").resolve("page.html");
        assertBad("no such file", "explain", "--model", model.toString(), "--text", dir.resolve("missing.txt").toString(),
                "--output", output.toString());
        assertBad("argument 2: the text is empty", "explain", "--model", model.toString(), "fur", "  ", "--output", output.toString());
        assertBad("--units", "explain", "--model", model.toString(), "--units", "0", "--output", output.toString());
        assertBad("not both", "explain", "--model", model.toString(), "--text", "x.txt", "fur", "--output", output.toString());
        assertBad("no-model", "explain", "--model", dir.resolve("no-model").toString(), "--output", output.toString());
        assertFalse(Files.exists(output.getParent()), "nothing written");
    }

    private void assertBad(String expected, String... args) {
        assertEquals(2, run(args), out.toString());
        String message = err.toString().strip();
        assertTrue(message.startsWith("error: ") && message.contains(expected), message);
        assertEquals(1, message.lines().count(), message);
    }

    // ---- the browser check ----

    /** Counts word spans (coloured or not), scatter points, running-prediction and gate lines, and errors. */
    private static final String PROBE = "window.addEventListener('load',function(){"
            + "var spans=document.querySelectorAll('div.words:not(.influence) span');"
            + "var coloured=Array.prototype.filter.call(spans,function(s){return s.style.background!=='';}).length;"
            + "var p=document.createElement('pre');p.id='probe';p.textContent='PROBE spans='+spans.length+' coloured='+coloured"
            + "+' circles='+document.querySelectorAll('svg.scatter circle').length"
            + "+' running='+document.querySelectorAll('svg.running polyline').length"
            + "+' lines='+document.querySelectorAll('svg.lines polyline').length"
            + "+' shown='+document.body.getAttribute('data-shown')+' errors='+__errors.length+' '+__errors.join(' | ');"
            + "document.body.appendChild(p);});";

    @Test
    void pageRendersInHeadlessChromium() throws Exception {
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, HeadlessChromium.MISSING);
        String dom = HeadlessChromium.renderWithProbe(chromium, page, PROBE, dir);
        Matcher probe = Pattern.compile("PROBE spans=(\\d+) coloured=(\\d+) circles=(\\d+) running=(\\d+) lines=(\\d+) shown=(\\S+)"
                + " errors=(\\d+)([^<]*)").matcher(dom);
        assertTrue(probe.find(), "the probe ran: " + dom.substring(0, Math.min(300, dom.length())));
        int words = 0;
        for (JsonNode text : json.path("texts")) {
            words += text.path("words").size();
        }
        assertEquals(words, Integer.parseInt(probe.group(1)), "one span per word");
        assertEquals(words, Integer.parseInt(probe.group(2)), "every word coloured");
        assertEquals(8 * 12, Integer.parseInt(probe.group(3)), "one point per unit in each of the 8 scatters");
        assertEquals(5 * 3, Integer.parseInt(probe.group(4)), "one running line per class and text");
        assertEquals(2 * ClassifierExplainer.KEPT_UNITS, Integer.parseInt(probe.group(5)), "one line per kept unit");
        JsonNode first = json.path("units").get(0);
        assertEquals(first.path("layer").asInt() + "/" + first.path("state").asText() + "/" + first.path("unit").asInt(),
                probe.group(6), "the first interpretable unit is shown");
        assertEquals(0, Integer.parseInt(probe.group(7)), "console / load errors:" + probe.group(8));
    }
}
