package io.rnnsuite.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rnnsuite.examples.RnnSuiteCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the compare report in headless Chromium, as a person would: the page must load with no
 * console or load errors, every embedded plot must decode to a real image, and the tables must
 * hold numbers; a screenshot is taken. {@code .ci/run} installs Debian's chromium; where no
 * Chromium is installed this test is skipped with a message.
 */
class BrowserCheckTest {

    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /** Records errors from the moment the page starts, then writes what it found into the DOM. */
    private static final String PROBE = "<script>window.__errors=[];"
            + "window.addEventListener('error',function(e){__errors.push(e.message||('failed to load '+(e.target&&e.target.tagName)));},true);"
            + "var __ce=console.error;console.error=function(){__errors.push(Array.prototype.join.call(arguments,' '));__ce.apply(console,arguments);};"
            + "window.addEventListener('load',function(){var imgs=Array.prototype.slice.call(document.images);"
            + "var broken=imgs.filter(function(i){return !(i.complete&&i.naturalWidth>0);}).length;"
            + "var numbers=Array.prototype.slice.call(document.querySelectorAll('td.num')).filter(function(td){return /[0-9]/.test(td.textContent);}).length;"
            + "var p=document.createElement('pre');p.id='probe';p.textContent='PROBE images='+imgs.length+' broken='+broken+' numbers='+numbers+' errors='+__errors.length+' '+__errors.join(' | ');"
            + "document.body.appendChild(p);});</script>";

    static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private static String runChromium(Path chromium, Path profile, List<String> extra, Path page, Path stdout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(chromium.toString());
        command.addAll(CHROMIUM_FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(extra);
        command.add(page.toUri().toString());
        // output to a file, errors discarded: a full pipe would block Chromium (the DOM holds the images)
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertTrue(finished, "chromium finished within 120 s");
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void compareReportRendersInHeadlessChromium(@TempDir Path tmp) throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no Chromium installed (.ci/run installs Debian's chromium): browser check skipped");
        Path reportDir = tmp.resolve("report");
        // two seeds: the tables carry mean ± spread and the verdicts a test; the textbook table is filled in
        int code = RnnSuiteCommand.newCommandLine().execute("compare", "--quick", "--seeds", "2", "--apps", "forecast",
                "--cells", "simple_rnn,lstm", "--budget", "40s", "--output-dir", reportDir.toString(),
                "--keep-models", tmp.resolve("models").toString());
        assertEquals(0, code);
        String html = Files.readString(reportDir.resolve("index.html"));
        assertTrue(html.contains("The textbook table, measured") && html.contains(" ± "), "spread and textbook table on the page");
        assertTrue(html.contains("<details>"), "each app's detail folds away");
        // every relative link (the kept models' reports) leads to a file; the playground links name served models
        Matcher links = Pattern.compile("href=\"([^\"#][^\"]*)\"").matcher(html);
        int relative = 0;
        int playground = 0;
        while (links.find()) {
            String href = links.group(1);
            if (href.startsWith("http://127.0.0.1:8080/models/")) {
                playground++;
            } else {
                relative++;
                Path target = reportDir.resolve(java.net.URLDecoder.decode(href, StandardCharsets.UTF_8));
                assertTrue(Files.isRegularFile(target), href + " leads to a file");
            }
        }
        assertEquals(4, relative, "a report link per kept model: 2 quick series x 2 cells");
        assertEquals(4, playground, "a playground link per kept model");
        Path probed = tmp.resolve("probed.html");
        Files.writeString(probed, html.replaceFirst("<head>", "<head>" + Matcher.quoteReplacement(PROBE)));

        String dom = runChromium(chromium, tmp.resolve("profile1"), List.of("--virtual-time-budget=10000", "--dump-dom"), probed,
                tmp.resolve("dom.html"));
        Matcher probe = Pattern.compile("PROBE images=(\\d+) broken=(\\d+) numbers=(\\d+) errors=(\\d+)([^<]*)").matcher(dom);
        assertTrue(probe.find(), "the probe ran in the page: " + dom.substring(0, Math.min(300, dom.length())));
        assertEquals(8, Integer.parseInt(probe.group(1)), "images in the page: per quick series the forecasts, the "
                + "learning curves against time and against updates, and the error by forecast step");
        assertEquals(0, Integer.parseInt(probe.group(2)), "images that failed to decode");
        assertTrue(Integer.parseInt(probe.group(3)) > 10, "numeric table cells: " + probe.group(3));
        assertEquals(0, Integer.parseInt(probe.group(4)), "console / load errors:" + probe.group(5));

        Path screenshot = tmp.resolve("screenshot.png");
        runChromium(chromium, tmp.resolve("profile2"), List.of("--window-size=1200,2400", "--screenshot=" + screenshot),
                reportDir.resolve("index.html"), tmp.resolve("screenshot.log"));
        assertTrue(Files.isRegularFile(screenshot) && Files.size(screenshot) > 10_000, "screenshot taken");
        Path kept = Path.of("target", "browser-check");
        Files.createDirectories(kept);
        Files.copy(screenshot, kept.resolve("compare-quick.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
