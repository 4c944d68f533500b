package io.rnnsuite.common.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void pageIsSelfContainedAndEscaped(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("p.png");
        new LineChart("t", "x", "y").line("a", new double[] {0, 1}, new double[] {1, 2}).savePng(png, 200, 120);
        HtmlReport page = new HtmlReport("R & <D>").heading("forecast").reading("lstm < rnn")
                .table(new MarkdownTable("model", "MAE").row("lstm", 1.5)).image(png, "plot").image(tmp.resolve("none.png"), "x");
        Path file = tmp.resolve("index.html");
        page.write(file);
        String html = Files.readString(file);
        assertTrue(html.contains("<title>R &amp; &lt;D&gt;</title>"), html);
        assertTrue(html.contains("<p class=\"reading\">lstm &lt; rnn</p>"));
        assertTrue(html.contains("<td class=\"num\">1.500</td>"), html);
        assertTrue(html.contains("src=\"data:image/png;base64,iVBOR"), "PNG embedded");
        assertTrue(html.contains("(plot none.png was not produced)"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network references");
    }
}
