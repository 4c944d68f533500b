package io.rnnsuite.charlm.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.explain.HeadlessChromium;
import io.rnnsuite.common.io.Json;
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
import picocli.CommandLine;

/**
 * {@code charlm explain} end to end on two tiny trained models: the page's numbers are the JSON
 * file's, its activations equal the network's own output, bad input is one line, and the page
 * renders in headless Chromium (skipped with a message where none is installed).
 */
class ExplainCommandTest {

    private static final List<String> SMALL = List.of("--layers", "2", "--hidden", "16", "--sequence-length", "20",
            "--tbptt", "10", "--max-batches", "3", "--batch-size", "8", "--epochs", "1", "--budget", "1m");

    @TempDir
    static Path dir;
    static Path text;
    static Path lstm;
    static Path rnn;
    static Path page;
    static JsonNode json;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainTwoModelsAndExplainOne() throws Exception {
        text = Files.writeString(dir.resolve("quoted.txt"), TinyCorpus.text(3000, 4).replace("cat", "\"cat\"")
                .replace("dog ran", "(dog ran)"));
        lstm = dir.resolve("lstm");
        rnn = dir.resolve("rnn");
        ExplainCommandTest first = new ExplainCommandTest();
        assertEquals(0, first.run(with("train", "--text", text.toString(), "--cell", "lstm", "--output-dir", lstm.toString())),
                first.err.toString());
        assertEquals(0, first.run(with("train", "--text", text.toString(), "--cell", "simple_rnn", "--output-dir", rnn.toString())),
                first.err.toString());
        page = dir.resolve("out").resolve("page.html");
        assertEquals(0, first.run("explain", "--model", lstm.toString(), "--text", text.toString(), "--length", "400",
                "--compare-with", rnn.toString(), "--output", page.toString()), first.err.toString());
        assertTrue(first.out.toString().contains("wrote " + page), first.out.toString());
        json = Json.MAPPER.readTree(dir.resolve("out").resolve("page.json").toFile());
    }

    private static String[] with(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(SMALL);
        return all.toArray(String[]::new);
    }

    private int run(String... args) {
        CommandLine commandLine = CliErrors.install(new CharLmApp().command());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void activationsOnThePageEqualTheNetworksOwnOutput() throws Exception {
        String html = Files.readString(page);
        Matcher embedded = Pattern.compile("<script type=\"application/json\" id=\"" + ExplainPage.DATA_ID + "\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(embedded.find(), "the page embeds its data");
        JsonNode onPage = Json.MAPPER.readTree(embedded.group(1));
        assertEquals(json, onPage, "the page shows the JSON file's numbers");

        CharLmModel model = AppModels.open(new CharLmApp(), lstm).model();
        String passage = Files.readString(text).substring(0, 400);
        int[] symbols = model.vocabulary().encode(passage);
        assertEquals(passage, onPage.path("text").asText());
        int checked = 0;
        for (JsonNode states : onPage.path("activations")) {
            if (!"hidden".equals(states.path("state").asText())) {
                continue;
            }
            int layer = states.path("layer").asInt();
            double[][] expected = ExplainNetworks.networkHidden(model.network(), symbols, model.vocabulary().size(), layer);
            for (int j = 0; j < 16; j++) {
                for (int t = 0; t < symbols.length; t++) {
                    assertEquals(expected[j][t], states.path("values").get(j).get(t).asDouble(), 1e-4,
                            "layer " + layer + " unit " + j + " step " + t);
                    checked++;
                }
            }
        }
        assertEquals(2 * 16 * 400, checked, "both layers' hidden states checked");
    }

    @Test
    void theJsonHoldsEveryPlotsNumbers() {
        assertEquals("lstm", json.path("cell").asText());
        assertEquals(2, json.path("layers").asInt());
        assertEquals(4, json.path("activations").size(), "hidden and cell state of 2 layers");
        assertTrue(json.path("units").size() > 0 && json.path("units").size() <= 8, json.path("units").toString());
        double previous = 1;
        for (JsonNode unit : json.path("units")) {
            double r = Math.abs(unit.path("correlation").asDouble());
            assertTrue(r <= previous + 1e-12, "strongest first");
            previous = r;
        }
        List<String> plots = new ArrayList<>();
        for (JsonNode plot : json.path("saturation")) {
            plots.add(plot.path("model").asText().equals(json.path("comparedModel").asText()) ? "rnn:" + plot.path("values").asText()
                    : plot.path("values").asText());
            assertEquals(16, plot.path("left").size());
        }
        assertEquals(List.of("forget", "input", "output", "hidden", "forget", "input", "output", "hidden", "rnn:hidden", "rnn:hidden"), plots);
        assertEquals(2 * Explainer.KEPT_UNITS, json.path("longMemory").size());
        assertEquals(400, json.path("longMemory").get(0).path("values").size());
        assertTrue(json.path("comparedModel").asText().contains("simple_rnn (rnn)"), json.path("comparedModel").asText());
    }

    @Test
    void badInputIsOneLineAndWritesNothing() {
        Path output = dir.resolve("bad").resolve("page.html");
        assertEquals(2, run("explain", "--model", lstm.toString(), "--length", "1", "--output", output.toString()));
        assertTrue(err.toString().contains("--length"), err.toString());
        assertEquals(2, run("explain", "--model", lstm.toString(), "--text", dir.resolve("missing.txt").toString(),
                "--output", output.toString()));
        assertTrue(err.toString().contains("missing.txt: no such file"), err.toString());
        assertEquals(2, run("explain", "--model", dir.resolve("no-model").toString(), "--output", output.toString()));
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(output.getParent()), "nothing written");
    }

    // ---- the browser check ----

    private static final String PROBE = "window.addEventListener('load',function(){var spans=document.querySelectorAll('#text span');"
            + "var coloured=Array.prototype.filter.call(spans,function(s){return s.style.background!=='';}).length;"
            + "var p=document.createElement('pre');p.id='probe';p.textContent='PROBE spans='+spans.length+' coloured='+coloured"
            + "+' circles='+document.querySelectorAll('svg circle').length+' lines='+document.querySelectorAll('svg polyline').length"
            + "+' shown='+document.body.getAttribute('data-shown')+' errors='+__errors.length+' '+__errors.join(' | ');"
            + "document.body.appendChild(p);});";

    @Test
    void pageRendersInHeadlessChromium() throws Exception {
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, HeadlessChromium.MISSING);
        String dom = HeadlessChromium.renderWithProbe(chromium, page, PROBE, dir);
        Matcher probe = Pattern.compile("PROBE spans=(\\d+) coloured=(\\d+) circles=(\\d+) lines=(\\d+) shown=(\\S+) errors=(\\d+)([^<]*)")
                .matcher(dom);
        assertTrue(probe.find(), "the probe ran: " + dom.substring(0, Math.min(300, dom.length())));
        assertEquals(400, Integer.parseInt(probe.group(1)), "one span per character");
        assertEquals(400, Integer.parseInt(probe.group(2)), "every character coloured");
        assertEquals(10 * 16, Integer.parseInt(probe.group(3)), "one point per unit in each of the 10 scatters");
        assertEquals(2 * Explainer.KEPT_UNITS, Integer.parseInt(probe.group(4)), "one line per kept unit");
        JsonNode first = json.path("units").get(0);
        assertEquals(first.path("layer").asInt() + "/" + first.path("state").asText() + "/" + first.path("unit").asInt(),
                probe.group(5), "the first interpretable unit is shown");
        assertEquals(0, Integer.parseInt(probe.group(6)), "console / load errors:" + probe.group(7));
    }
}
