package io.rnnsuite.common.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * The explain pages' browser check: a page with a probe script put first in its head (which
 * records console and load errors and writes what it counted into the DOM), rendered by headless
 * Chromium, whose DOM after loading is returned. Tests skip where no Chromium is installed.
 */
public final class HeadlessChromium {

    /** The start of a probe: collects errors in {@code window.__errors}. */
    public static final String ERROR_COLLECTOR = "window.__errors=[];"
            + "window.addEventListener('error',function(e){__errors.push(e.message||'load error');},true);"
            + "var __ce=console.error;console.error=function(){__errors.push(Array.prototype.join.call(arguments,' '));__ce.apply(console,arguments);};";

    private HeadlessChromium() {
    }

    /** Debian's or Google's Chromium, or {@code null}. */
    public static Path find() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** The message a test skips with when {@link #find()} gives none. */
    public static final String MISSING = "no Chromium installed (.ci/run installs Debian's chromium): browser check skipped";

    /**
     * Renders {@code page} with {@code probe} (a script body, run before the page's own scripts) in
     * {@code work} (profile and output), and returns the DOM after loading.
     */
    public static String renderWithProbe(Path chromium, Path page, String probe, Path work) throws IOException, InterruptedException {
        Path probed = work.resolve("probed-" + page.getFileName());
        Files.writeString(probed, Files.readString(page).replaceFirst("<head>",
                Matcher.quoteReplacement("<head><script>" + ERROR_COLLECTOR + probe + "</script>")));
        Path stdout = work.resolve("dom-" + page.getFileName());
        List<String> command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + work.resolve("profile"), "--virtual-time-budget=10000", "--dump-dom", probed.toUri().toString());
        // output to a file, errors discarded: a full pipe would block Chromium
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
}
