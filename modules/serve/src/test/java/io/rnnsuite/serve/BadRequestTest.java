package io.rnnsuite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client can get wrong: each mistake is a 4xx with one JSON message, names outside the
 * roots are 404s however they are spelled, limits are 413/400, and the server goes on serving.
 */
class BadRequestTest {

    @TempDir
    static Path scratch;
    static ServerFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = new ServerFixture(scratch);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** The status and the one-line message of a refused request. */
    private static String refused(int status, ServerFixture.Answer answer) throws IOException {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        String message = answer.json().path("error").asText();
        assertFalse(message.isBlank() || message.contains("\n") || message.contains("Exception"), message);
        assertEquals(1, answer.json().size(), "only the message: " + answer.body());
        return message;
    }

    private static final String CLASSIFY = "/api/models/" + TinyModels.CLASSIFY + "/classify";

    @Test
    void malformedJsonWrongContentTypeAndMissingOrMistypedFieldsAre400() throws Exception {
        assertTrue(refused(400, fixture.post(CLASSIFY, "{\"text\": \"fur")).startsWith("malformed JSON body"));
        assertTrue(refused(400, fixture.post(CLASSIFY, "text/plain", "{\"text\":\"fur\"}")).contains("Content-Type application/json"));
        assertTrue(refused(400, fixture.post(CLASSIFY, "[1,2]")).contains("JSON object"));
        assertEquals("missing field 'text' (a string)", refused(400, fixture.post(CLASSIFY, "{}")));
        assertTrue(refused(400, fixture.post(CLASSIFY, "{\"text\":3}")).contains("must be a string"));
        assertTrue(refused(400, fixture.post(CLASSIFY, "{\"text\":\"   \"}")).contains("no words"));
        String charlm = "/api/models/" + TinyModels.CHARLM;
        assertTrue(refused(400, fixture.post(charlm + "/sample", "{\"prime\":\"Ωmega\"}")).contains("never saw"));
        assertTrue(refused(400, fixture.post(charlm + "/sample", "{\"prime\":\"The \",\"temperature\":\"hot\"}")).contains("number"));
        assertTrue(refused(400, fixture.get(charlm + "/stream?length=5")).contains("'prime'"));
        assertTrue(refused(400, fixture.get(charlm + "/stream?prime=The&unit=99")).contains("'unit'"));
        assertTrue(refused(400, fixture.post("/api/models/" + TinyModels.TRANSLATE + "/translate", "{\"sentence\":\"   \"}"))
                .contains("empty"));
        assertTrue(refused(400, fixture.post("/api/models/" + TinyModels.TRANSLATE + "/translate",
                "{\"sentence\":\"zzzz qqqq\"}")).length() > 10, "unknown tokens are named");
        assertTrue(refused(400, fixture.post("/api/models/" + TinyModels.CLASSIFY + "/predict", "{\"inputs\":\"fur\"}"))
                .contains("array"));
    }

    @Test
    void aCsvWithABadRowIsA400NamingTheLineAndForecastPredictReadsNoServerFiles() throws Exception {
        String forecast = "/api/models/" + TinyModels.FORECAST;
        String message = refused(400, fixture.post(forecast + "/forecast", "{\"csv\":\"month,value\\n2000-01,1\\n2000-02,abc\\n\"}"));
        assertTrue(message.contains("line 3") && message.contains("'abc' is not a number"), message);
        assertTrue(refused(400, fixture.post(forecast + "/forecast", "{\"csv\":\"month,value\\n2000-01,1\\n\"}")).contains("lookback"));
        assertTrue(refused(400, fixture.post(forecast + "/forecast", "{\"csv\":\"\\u0000\\u00ff\\u0001\"}")).length() > 5,
                "a corrupt upload");
        assertTrue(refused(400, fixture.post(forecast + "/forecast", "{\"horizon\":13}")).contains("between 1 and 12"));
        assertTrue(refused(400, fixture.post(forecast + "/predict", "{\"inputs\":[\"/etc/passwd\"]}")).contains("no inputs"));
    }

    @Test
    void predictInputsThatNameFilesAreNeverTakenFromARequest() {
        assertTrue(AppEndpoints.namesFiles("CSV") && AppEndpoints.namesFiles("FILE.wav") && AppEndpoints.namesFiles("path"));
        assertFalse(AppEndpoints.namesFiles("TEXT") || AppEndpoints.namesFiles("SENTENCE") || AppEndpoints.namesFiles("PRIME"));
    }

    @Test
    void unknownModelsActionsAndPagesAre404AndWrongMethodsAre405() throws Exception {
        assertTrue(refused(404, fixture.post("/api/models/no-such-model/predict", "{}")).contains("no-such-model"));
        assertTrue(refused(404, fixture.get("/api/models/no-such-model")).contains("no model named"));
        assertTrue(refused(404, fixture.post("/api/models/" + TinyModels.FORECAST + "/sample", "{}")).contains("no action 'sample'"));
        refused(404, fixture.get("/api/nothing"));
        refused(404, fixture.get("/models/no-such-model"));
        refused(404, fixture.get("/static/../pom.xml"));
        assertTrue(refused(405, fixture.get("/api/models/" + TinyModels.CLASSIFY + "/classify")).contains("POST"));
    }

    @Test
    void bodiesTextsAndCountsPastTheLimitsAre413AndSamplingPastItsLengthIs400() throws Exception {
        String big = "{\"text\":\"" + "a".repeat(ServeLimits.defaults().maxBodyBytes() + 10) + "\"}";
        assertTrue(refused(413, fixture.post(CLASSIFY, big)).contains("larger than"));
        String longText = "{\"text\":\"" + "fur ".repeat(ServeLimits.defaults().maxTextChars() / 4 + 1) + "\"}";
        assertTrue(refused(413, fixture.post(CLASSIFY, longText)).contains("at most"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ServeLimits.defaults().maxInputs(); i++) {
            many.add("\"fur\"");
        }
        refused(413, fixture.post("/api/models/" + TinyModels.CLASSIFY + "/predict", "{\"inputs\":[" + String.join(",", many) + "]}"));
        assertTrue(refused(400, fixture.post("/api/models/" + TinyModels.CHARLM + "/sample",
                "{\"prime\":\"The \",\"length\":" + (ServeLimits.defaults().maxSampleLength() + 1) + "}")).contains("between 1 and"));
        assertTrue(refused(400, fixture.post("/api/models/" + TinyModels.TRANSLATE + "/translate",
                "{\"sentence\":\"one\",\"beam\":99}")).contains("'beam'"));
    }

    @Test
    void reportAndModelFileNamesCannotLeaveTheirRoots() throws Exception {
        assertEquals(200, fixture.rawGet("/reports/index.html"));
        assertEquals(200, fixture.rawGet("/reports/lab/summary.md"));
        for (String path : List.of("/reports/../pom.xml", "/reports/lab/../../pom.xml", "/reports/..%2F..%2Fpom.xml",
                "/reports/%2e%2e/%2e%2e/pom.xml", "/reports/%2E%2E%2Fsecret.txt", "/reports//etc/passwd",
                "/reports/%2Fetc%2Fpasswd", "/reports/C:%5Cwindows", "/reports/lab%5C..%5C..%5Cpom.xml",
                "/reports/leak.txt", "/reports/linked/secret.txt", "/reports/lab", "/reports/index.html%00.png")) {
            assertEquals(404, fixture.rawGet(path), path);
        }
        String model = "/api/models/" + TinyModels.FORECAST + "/files/";
        assertEquals(200, fixture.rawGet(model + "forecast.png"));
        for (String path : List.of(model + "model.zip", model + "..%2F" + TinyModels.CHARLM + "%2Frun.json",
                model + "../../" + TinyModels.CHARLM + "/run.json", model + "%2Fetc%2Fpasswd.json",
                "/api/models/..%2F" + TinyModels.FORECAST, "/api/models/%2E%2E/predict", "/models/..%2Fmodels")) {
            assertEquals(404, fixture.rawGet(path), path);
        }
        ServerFixture.Answer png = fixture.get(model + "forecast.png");
        assertEquals("image/png", png.contentType());
    }

    @Test
    void aModelDirectoryLinkedFromOutsideTheRootIsSkippedWithAWarning(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("models"));
        Files.createSymbolicLink(root.resolve("borrowed"), TinyModels.root().resolve(TinyModels.FORECAST));
        List<String> warnings = new ArrayList<>();
        ModelCatalog catalog = ModelCatalog.load(root, warnings::add);
        assertTrue(catalog.all().isEmpty());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("outside"), warnings.get(0));
    }

    @Test
    void keepsServingAfterEveryKindOfBadRequest() throws Exception {
        for (int i = 0; i < 20; i++) {
            fixture.post(CLASSIFY, "{bad");
            fixture.post(CLASSIFY, "text/csv", "a,b");
            fixture.rawGet("/reports/../../etc/passwd");
            fixture.post("/api/models/" + TinyModels.CHARLM + "/sample", "{\"prime\":\"\\u2603\"}");
        }
        ServerFixture.Answer good = fixture.post(CLASSIFY, "{\"text\":\"fur tail\"}");
        assertEquals(200, good.status(), good.body());
        assertEquals(5, fixture.get("/api/health").json().path("models").asInt());
    }

    @Test
    void aCorruptSilentTooLongOrTooLargeUploadIsRefusedAndTheServerGoesOn() throws Exception {
        String url = "/api/models/" + TinyModels.SPEECH + "/recognise";
        byte[] good = TinyModels.toneWav(TinyModels.LOW_HZ, 0.5, 16_000, 3);
        assertTrue(refused(400, fixture.post(url, "audio/wav", "not audio at all".getBytes(StandardCharsets.UTF_8)))
                .contains("not a WAV file"));
        assertTrue(refused(400, fixture.post(url, "audio/wav", java.util.Arrays.copyOf(good, 30))).contains("corrupt 'fmt ' chunk"));
        assertTrue(refused(400, fixture.post(url, "audio/wav", java.util.Arrays.copyOf(good, 144))).contains("truncated WAV file"));
        byte[] lying = good.clone();
        java.nio.ByteBuffer.wrap(lying).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, good.length * 4);
        assertTrue(refused(400, fixture.post(url, "audio/wav", lying)).contains("truncated WAV file"));
        byte[] garbage = good.clone();
        java.nio.ByteBuffer.wrap(garbage).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 0x55);
        assertTrue(refused(400, fixture.post(url, "audio/wav", garbage)).contains("MPEG layer 3"));
        assertTrue(refused(400, fixture.post(url, "audio/wav", new byte[0])).contains("empty body"));
        assertTrue(refused(400, fixture.post(url, "{}")).contains("audio/wav"), "JSON is not a recording");
        byte[] silent = io.rnnsuite.speech.audio.WavWriter.pcm16(new io.rnnsuite.speech.audio.Audio(new float[8000], 16_000));
        assertTrue(refused(400, fixture.post(url, "audio/wav", silent)).contains("silent"));
        assertTrue(refused(413, fixture.post(url, "audio/wav", TinyModels.toneWav(400, 10.5, 8_000, 1))).contains("at most 10.00 s"));
        byte[] huge = new byte[ServeLimits.defaults().maxAudioBytes() + 1];
        assertTrue(refused(413, fixture.post(url, "audio/wav", huge)).contains("larger than"));
        assertTrue(refused(400, fixture.post("/api/models/" + TinyModels.SPEECH + "/predict", "{\"inputs\":[\"/etc/passwd\"]}"))
                .contains("name files"), "predict never opens a file a request names");
        ServerFixture.Answer answer = fixture.post(url, "audio/wav", good);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(TinyModels.TONES.contains(answer.json().path("text").asText()), answer.body());
    }
}
