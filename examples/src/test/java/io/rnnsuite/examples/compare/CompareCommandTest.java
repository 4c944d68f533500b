package io.rnnsuite.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.examples.RnnSuiteCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = RnnSuiteCommand.newCommandLine();
        cl.setErr(new PrintWriter(err));
        return new String[] {Integer.toString(cl.execute(args)), err.toString()};
    }

    private static void assertUserError(String expectedStart, String... args) {
        String[] r = run(args);
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("error: " + expectedStart), r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
    }

    @Test
    void badInputsGiveOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        String out = tmp.resolve("r").toString();
        assertUserError("unknown app 'telepathy' in --apps: expected one of ", "compare", "--apps", "telepathy",
                "--output-dir", out);
        assertUserError("unknown cell type 'gru9'", "compare", "--cells", "lstm,gru9", "--output-dir", out);
        assertUserError("--budget 10s leaves", "compare", "--quick", "--budget", "10s", "--output-dir", out);
        assertUserError("Invalid value for option '--budget': 'soon' is not a duration", "compare", "--budget", "soon", "--output-dir", out);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertUserError("cannot create the output directory", "compare", "--apps", "forecast", "--quick",
                "--output-dir", file.resolve("sub").toString());
        assertTrue(!Files.exists(tmp.resolve("r")), "nothing written for bad input");
    }

    @Test
    void everyCellTypeIsAcceptedAndListedWithoutAHardCodedList(@TempDir Path tmp) {
        List<String> variants = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            variants.add(cell.cliName());
            variants.add("bi" + cell.cliName());
        }
        // the cells parse (the budget check comes after them), so a new CellType works in compare unchanged
        assertUserError("--budget 1s leaves", "compare", "--cells", String.join(",", variants), "--budget", "1s",
                "--output-dir", tmp.resolve("r").toString());
        StringWriter help = new StringWriter();
        CommandLine cl = RnnSuiteCommand.newCommandLine();
        cl.setOut(new PrintWriter(help));
        assertEquals(0, cl.execute("compare", "--help"));
        String cellsHelp = help.toString().replaceAll("\\s+", " ");
        for (String variant : variants) {
            assertTrue(cellsHelp.contains(variant + ",") || cellsHelp.contains(variant + " "), variant + " in " + cellsHelp);
        }
    }

    @Test
    void writesASelfContainedPageWithNumbers(@TempDir Path tmp) throws Exception {
        Path models = tmp.resolve("kept");
        String[] r = run("compare", "--quick", "--apps", "forecast", "--cells", "simple_rnn", "--budget", "12s",
                "--output-dir", tmp.toString(), "--keep-models", models.toString(), "--parallel", "2");
        assertEquals("0", r[0], r[1]);
        String html = Files.readString(tmp.resolve("index.html"));
        assertTrue(html.contains(">Time-series forecasting</h2>"), html);
        Matcher images = Pattern.compile("src=\"data:image/png;base64,").matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
        }
        assertEquals(8, count, "the forecast plot, the two learning-curve plots and the by-length plot of both quick series are embedded");
        assertTrue(Pattern.compile("<td class=\"num\">[0-9]").matcher(html).find(), "tables hold numbers");
        assertTrue(Files.readString(tmp.resolve("summary.md")).contains("| airpassengers |"));
        assertTrue(Files.readString(tmp.resolve("results.json")).contains("\"forecast\""));
        assertTrue(Files.readString(tmp.resolve("results.json")).replace(" ", "").contains("\"trainingsAtOnce\":2"));
        assertTrue(html.contains("2 trainings at a time"), "the page says the models trained side by side");
        // one kept model per quick series, each loadable by the app and named on the page
        var forecast = (io.rnnsuite.common.app.RnnApp<?, ?, ?>) io.rnnsuite.common.app.Apps.named("forecast");
        try (var series = Files.list(models.resolve("forecast"))) {
            List<Path> dirs = series.map(p -> p.resolve("simple_rnn")).sorted().toList();
            assertEquals(2, dirs.size(), dirs.toString());
            for (Path dir : dirs) {
                io.rnnsuite.common.app.AppModels.open(forecast, dir);
                assertTrue(html.contains(dir.toString()), dir + " listed on the page");
            }
        }
    }
}
