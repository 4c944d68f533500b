package io.rnnsuite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page in headless Chromium, used as a person would: type a prime and press Sample and
 * watch the text grow, take an autocomplete suggestion, classify a text, translate a sentence,
 * upload a CSV and move the horizon, open a report; each page must log no console errors, and
 * a screenshot of each is kept in {@code target/browser-screenshots/}. Debian's {@code chromium}
 * and {@code chromium-driver} drive it (Selenium from Maven Central, nothing downloaded: the driver's
 * path is given, so Selenium Manager never runs); where either is missing the tests are skipped.
 */
class BrowserTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    @TempDir
    static Path scratch;
    static ServerFixture fixture;
    static ChromeDriver driver;
    /** Selenium's notice that Chromium is newer than its DevTools bindings (unused here) stays quiet. */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    @BeforeAll
    static void open() throws IOException {
        Path chromium = chromium();
        assumeTrue(chromium != null && Files.isExecutable(CHROMEDRIVER),
                "no Chromium or no chromedriver installed (.ci/run installs Debian's chromium and chromium-driver): browser tests skipped");
        SELENIUM_LOG.setLevel(Level.SEVERE);
        fixture = new ServerFixture(scratch);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1500",
                // a fake microphone (a beeping tone) that needs no permission prompt, for the recording test
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--user-data-dir=" + scratch.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Every page must run without console errors (a failed request, a script error, a blocked resource). */
    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "console errors: " + severe.stream().map(LogEntry::getMessage).collect(Collectors.joining(" | ")));
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOTS.resolve(name + ".png")) > 5_000, "screenshot " + name);
    }

    private static WebElement visible(String id) {
        return waiting().until(d -> {
            WebElement e = d.findElement(By.id(id));
            return e.isDisplayed() ? e : null;
        });
    }

    @Test
    void theModelsPageListsEveryModelWithItsScore() throws IOException {
        driver.get(fixture.url("/"));
        List<WebElement> rows = waiting().until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("#models tbody tr"));
            return r.size() == 5 ? r : null;
        });
        assertEquals(TinyModels.CHARLM, rows.get(0).getAttribute("data-model"));
        for (WebElement row : rows) {
            assertTrue(row.findElements(By.cssSelector("td.num")).get(0).getText().matches(".*[0-9].*"), row.getText());
        }
        screenshot("models");
        rows.stream().filter(r -> TinyModels.TRANSLATE.equals(r.getAttribute("data-model"))).findFirst().orElseThrow()
                .findElement(By.tagName("a")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/models/" + TinyModels.TRANSLATE));
    }

    @Test
    void theCharLmPageStreamsTextAsItIsSampledAndAutocompletes() throws IOException {
        driver.get(fixture.url("/models/" + TinyModels.CHARLM));
        visible("charlm");
        WebElement length = driver.findElement(By.id("length"));
        length.clear();
        length.sendKeys("600");
        driver.findElement(By.id("sample")).click();
        WebElement output = driver.findElement(By.id("sample-output"));
        // one server-sent event per character is checked in JsonApiTest; the fast stepper samples this tiny
        // model's 600 characters in milliseconds, so the page cannot be caught half-way here
        waiting().until(d -> "true".equals(output.getAttribute("data-done")));
        assertEquals(600, Integer.parseInt(output.getAttribute("data-count")));
        assertTrue(output.getText().startsWith("The "), output.getText());
        List<WebElement> spans = output.findElements(By.cssSelector("span[title]"));
        assertTrue(spans.stream().anyMatch(s -> s.getAttribute("style").contains("rgba")), "characters are coloured by activation");

        WebElement input = driver.findElement(By.id("complete-input"));
        input.clear();
        input.sendKeys("The ca");
        WebElement word = waiting().until(d -> {
            List<WebElement> words = d.findElements(By.cssSelector("#suggestions button.word"));
            return !words.isEmpty() && words.get(0).getText().startsWith("ca") ? words.get(0) : null;
        });
        String proposed = word.getText();
        screenshot("charlm");
        word.click();
        assertEquals("The " + proposed, input.getAttribute("value"));
    }

    @Test
    void theClassifyPageDrawsBarsSummingToOneAndAnInfluencePerWord() throws IOException {
        driver.get(fixture.url("/models/" + TinyModels.CLASSIFY));
        WebElement text = visible("classify-text");
        text.clear();
        text.sendKeys("fur tail with sweet paws");
        driver.findElement(By.id("classify-button")).click();
        List<WebElement> bars = waiting().until(d -> {
            List<WebElement> b = d.findElements(By.cssSelector("#bars .bar-row"));
            return b.size() == 3 ? b : null;
        });
        double total = bars.stream().mapToDouble(b -> Double.parseDouble(b.getAttribute("data-probability"))).sum();
        assertEquals(1.0, total, 1e-4);
        assertEquals(1, driver.findElements(By.cssSelector("#bars .bar-row.best")).size());
        assertEquals(5, driver.findElements(By.cssSelector("#words span")).size());
        screenshot("classify");
    }

    @Test
    void theTranslatePageShowsGreedyAndBeamAndTheAttentionHeatMap() throws IOException {
        driver.get(fixture.url("/models/" + TinyModels.TRANSLATE));
        visible("translate");
        waiting().until(d -> !d.findElements(By.cssSelector("#examples button")).isEmpty());
        driver.findElement(By.cssSelector("#examples button")).click();
        WebElement table = visible("hypotheses");
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).getText().startsWith("beam 4"), rows.get(1).getText());
        WebElement heat = visible("attention");
        assertTrue(heat.findElements(By.tagName("tr")).size() > 1, "one row per output token");
        assertTrue(heat.findElements(By.tagName("td")).size() > 1);
        screenshot("translate");
    }

    @Test
    void theForecastPagePlotsTheForecastBesideTheBaselinesForAnUploadedCsvAndAHorizon() throws IOException {
        driver.get(fixture.url("/models/" + TinyModels.FORECAST));
        visible("forecast");
        waiting().until(d -> d.findElements(By.cssSelector("#plot path.forecast")).size() == 4);
        assertTrue(driver.findElement(By.cssSelector("#plot path.series")).getAttribute("d").length() > 50);
        driver.findElement(By.id("csv-file")).sendKeys(TinyModels.seriesCsv().toAbsolutePath().toString());
        waiting().until(d -> d.findElement(By.id("forecast-source")).getText().contains("seasonal.csv"));
        ((JavascriptExecutor) driver).executeScript(
                "const h = document.getElementById('horizon'); h.value = 3; h.dispatchEvent(new Event('change'));");
        waiting().until(d -> d.findElements(By.cssSelector("#forecast-table tbody tr")).size() == 3);
        assertEquals(4, driver.findElements(By.cssSelector("#plot path.forecast")).size());
        screenshot("forecast");
    }

    @Test
    void theReportsPageListsTheReportsAndOpensOne() throws IOException {
        driver.get(fixture.url("/reports"));
        WebElement link = waiting().until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("#reports a"));
            return links.stream().filter(a -> a.getText().equals("index.html")).findFirst().orElse(null);
        });
        List<String> listed = driver.findElements(By.cssSelector("#reports a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("index.html", "lab/summary.md"), listed, "links out of the root are not listed");
        screenshot("reports");
        link.click();
        assertEquals("Compare report", visible("report-title").getText());
    }

    @Test
    void aBadInputShowsTheServersMessageInThePage() {
        driver.get(fixture.url("/models/" + TinyModels.CHARLM));
        WebElement prime = visible("prime");
        prime.clear();
        prime.sendKeys("Ωmega");
        driver.findElement(By.id("sample")).click();
        WebElement error = visible("error");
        assertTrue(error.getText().contains("never saw"), error.getText());
        driver.manage().logs().get(LogType.BROWSER).getAll(); // the refused request's 400 is expected here
    }

    @Test
    void theCharLmPageLinksToTheExplainViewWhichDrawsItsPlots() throws IOException {
        driver.get(fixture.url("/models/" + TinyModels.CHARLM));
        visible("charlm");
        WebElement link = waiting().until(d -> {
            WebElement a = d.findElement(By.id("explain-link"));
            return a.getAttribute("href").endsWith("/models/" + TinyModels.CHARLM + "/explain") ? a : null;
        });
        link.click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/explain"));
        // the page's own inline script ran (the served page's policy allows it and nothing else): it marks the unit shown
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-shown") != null);
        assertTrue(driver.findElements(By.cssSelector("svg circle, svg path, svg polyline, svg rect")).size() > 3,
                "the explain view's plots are drawn");
        screenshot("charlm-explain");
    }

    @Test
    void theSpeechPageRecognisesAnUploadedWav() throws IOException {
        Path wav = scratch.resolve("tone.wav");
        Files.write(wav, TinyModels.toneWav(TinyModels.HIGH_HZ, 0.6, 22_050, 9));
        driver.get(fixture.url("/models/" + TinyModels.SPEECH));
        visible("speech");
        assertTrue(driver.findElement(By.id("speech-vocabulary")).getText().contains("low"));
        driver.findElement(By.id("wav-file")).sendKeys(wav.toAbsolutePath().toString());
        WebElement recognised = waiting().until(d -> {
            WebElement r = d.findElement(By.id("recognised"));
            return "true".equals(r.getAttribute("data-ready")) ? r : null;
        });
        assertTrue(TinyModels.TONES.contains(recognised.getText()), recognised.getText());
        List<WebElement> bars = driver.findElements(By.cssSelector("#speech-bars .bar-row"));
        assertEquals(2, bars.size());
        assertEquals(1.0, bars.stream().mapToDouble(b -> Double.parseDouble(b.getAttribute("data-probability"))).sum(), 1e-3);
        assertTrue(driver.findElement(By.id("speech-status")).getText().contains("22050 Hz"));
        screenshot("speech-upload");
    }

    @Test
    void theSpeechPageRecordsFromTheMicrophoneDecodesInTheBrowserAndRecognises() throws Exception {
        driver.get(fixture.url("/models/" + TinyModels.SPEECH));
        visible("speech");
        WebElement record = driver.findElement(By.id("record"));
        assertTrue(record.isEnabled(), "MediaRecorder is available: " + record.getAttribute("title"));
        record.click();
        waiting().until(d -> d.findElement(By.id("stop")).isEnabled());
        Thread.sleep(1500);
        driver.findElement(By.id("stop")).click();
        WebElement recognised = waiting().until(d -> {
            WebElement r = d.findElement(By.id("recognised"));
            return "true".equals(r.getAttribute("data-ready")) ? r : null;
        });
        assertTrue(TinyModels.TONES.contains(recognised.getText()), recognised.getText());
        assertTrue(driver.findElement(By.id("speech-status")).getText().contains("16000 Hz"),
                "the recording was decoded and sent as 16 kHz WAV: " + driver.findElement(By.id("speech-status")).getText());
        screenshot("speech-record");
    }

}
