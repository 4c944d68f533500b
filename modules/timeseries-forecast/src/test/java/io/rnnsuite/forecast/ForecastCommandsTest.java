package io.rnnsuite.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.app.SectionProgress;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.Variants;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code forecast train / compare / evaluate / predict} through the shared commands, on a small synthetic series. */
class ForecastCommandsTest {

    @TempDir
    static Path tmp;
    static Path csv;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void series() throws Exception {
        csv = SyntheticSeries.write(tmp, "monthly.csv", SyntheticSeries.seasonalCsv(160, 3));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = CliErrors.install(new ForecastApp().command());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private void assertUserError(String expectedStart, String... args) {
        assertEquals(2, run(args), out.toString());
        assertTrue(err.toString().startsWith("error: " + expectedStart), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
    }

    @Test
    void compareTrainsExactlyTheVariantsAskedWithTheForecastFlags() throws Exception {
        Path dir = tmp.resolve("compare");
        assertEquals(0, run("compare", "--csv", csv.toString(), "--horizon", "6", "--lookback", "12", "--cells", "gru,lstm",
                "--hidden", "16", "--layers", "2", "--epochs", "2", "--budget", "30s", "--output-dir", dir.toString()), err.toString());
        JsonNode dataset = Json.MAPPER.readTree(dir.resolve("results.json").toFile()).path("datasets").get(0);
        assertEquals(6, dataset.path("data").path("details").path("horizon").asInt());
        assertEquals(12, dataset.path("data").path("details").path("lookback").asInt());
        List<String> cells = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        for (JsonNode row : dataset.path("rows")) {
            if (row.path("baseline").asBoolean()) {
                baselines.add(row.path("model").asText());
                continue;
            }
            cells.add(row.path("recurrent").path("cell").asText());
            assertEquals(16, row.path("recurrent").path("hidden_size").asInt());
            assertEquals(2, row.path("recurrent").path("layers").asInt());
            assertTrue(row.path("metrics").path("mase").isNumber(), row.toString());
        }
        assertEquals(List.of("gru", "lstm"), cells);
        assertEquals(List.of("persistence", "seasonal_naive", "linear_ar"), baselines);
        assertTrue(out.toString().contains("best by test MASE"), out.toString());
    }

    @Test
    void trainResumesInItsOutputDirectoryUnderABudget() throws Exception {
        Path dir = tmp.resolve("resumed");
        String[] flags = {"--csv", csv.toString(), "--cell", "simple_rnn", "--hidden", "8", "--output-dir", dir.toString(),
                "--budget", "1m"};
        assertEquals(0, run(concat(flags, "--epochs", "1")), err.toString());
        assertTrue(out.toString().contains("seasonal_naive (baseline)"), out.toString());
        assertEquals(0, run(concat(flags, "--epochs", "2", "--resume")), err.toString());
        JsonNode record = RunRecordSchema.assertValid(dir.resolve("run.json"));
        assertEquals(2, record.path("training").path("epochs").size(), "one epoch before the resume, one after");
        assertEquals(64, record.path("data").path("sha256").asText().length());

        assertUserError("cannot resume: " + dir + " was trained on other settings", concat(flags, "--epochs", "3", "--resume", "--log"));
        assertUserError("cannot resume: ", "train", "--csv", csv.toString(), "--resume", "--output-dir", tmp.resolve("none").toString());

        assertEquals(0, run("evaluate", "--model", dir.toString()), err.toString());
        assertTrue(out.toString().contains("linear_ar (baseline)") && out.toString().contains("smape"), out.toString());
        assertEquals(0, run("predict", "--model", dir.toString()), err.toString());
        assertTrue(out.toString().startsWith("step,value\n2013-05,"), out.toString());
        assertEquals(13, out.toString().strip().lines().count(), "header and twelve months (the season)");
    }

    private static String[] concat(String[] flags, String... more) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(flags));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void mistakesEndInOneLineAndExitCodeTwo() throws Exception {
        Path out = tmp.resolve("out");
        assertUserError("file " + tmp.resolve("missing.csv") + " does not exist",
                "train", "--csv", tmp.resolve("missing.csv").toString(), "--output-dir", out.toString());
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "t,v\n1,2\n2,x\n");
        assertUserError(bad + ", line 3, column 'v': 'x' is not a number", "train", "--csv", bad.toString(), "--output-dir", out.toString());
        assertUserError("unknown dataset 'airpassenger'", "train", "--dataset", "airpassenger", "--output-dir", out.toString());
        assertUserError("unknown cell type 'gru7'", "train", "--cell", "gru7", "--output-dir", out.toString());
        assertUserError("unknown pooling 'median'", "train", "--pooling", "median", "--output-dir", out.toString());
        assertUserError("Invalid value for option '--budget': 'ten minutes' is not a duration", "train", "--budget", "ten minutes", "--output-dir", out.toString());
        assertUserError("model directory", "evaluate", "--model", tmp.resolve("nothing").toString());
        assertUserError("unknown cell type 'gru7'", "compare", "--cells", "lstm,gru7", "--output-dir", out.toString());
        assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "nothing written for bad input");
    }

    @Test
    void compareSectionForecastsTheQuickSeriesAndDrawsEachAgainstTheTruth() throws Exception {
        ForecastApp app = new ForecastApp();
        assertEquals(List.of("airpassengers", "co2"), app.compareConfigs(true).stream().map(ForecastConfig::dataset).toList());
        assertTrue(app.compareConfigs(false).size() > 2, "every bundled series without --quick");
        CompareSettings settings = new CompareSettings(true, new Variants(List.of("simple_rnn"), 8, 1, false, 0, RecurrentImpl.FAST), 2, 42);
        SectionResult result = app.compareSection().run(settings, tmp.resolve("section"), SectionProgress.SILENT);
        List<Path> plots = result.images().stream().map(SectionResult.Titled::value)
                .filter(p -> p.getFileName().toString().equals(ForecastPlot.FILE)).toList();
        assertEquals(2, plots.size(), result.images().toString());
        for (Path plot : plots) {
            assertTrue(Files.size(plot) > 1000, plot.toString());
        }
        assertTrue(result.tables().get(0).title().startsWith("test MASE per dataset"), result.tables().get(0).title());
    }
}
