package io.rnnsuite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JSON endpoint against the tiny models: what a good request gets, and that its numbers hang together. */
class JsonApiTest {

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

    private static JsonNode ok(ServerFixture.Answer answer) throws IOException {
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        return answer.json();
    }

    @Test
    void listsEveryModelWithAppCellDataMetricsAndTrainingTime() throws Exception {
        assertEquals(5, ok(fixture.get("/api/health")).path("models").asInt());
        JsonNode models = ok(fixture.get("/api/models")).path("models");
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.path("name").asText()));
        assertEquals(List.of(TinyModels.CHARLM, TinyModels.CLASSIFY, TinyModels.FORECAST, TinyModels.SPEECH, TinyModels.TRANSLATE),
                names);
        for (JsonNode m : models) {
            assertFalse(m.path("cell").asText().isEmpty(), m.toString());
            assertFalse(m.path("data").path("name").asText().isEmpty(), m.toString());
            assertTrue(m.path("metrics").path(m.path("primary_metric").path("key").asText()).isNumber(), m.toString());
            assertTrue(m.path("training_seconds").asDouble() > 0, m.toString());
            assertTrue(m.path("baselines").size() >= 2, m.toString());
        }
        JsonNode forecast = models.get(2);
        assertEquals("timeseries-forecast", forecast.path("app").asText());
        assertEquals("[\"predict\",\"forecast\"]", forecast.path("actions").toString());
        assertTrue(forecast.path("files").toString().contains("forecast.png"), forecast.toString());
    }

    @Test
    void modelDetailsCarryWhatEachPageNeeds() throws Exception {
        assertEquals(16, ok(fixture.get("/api/models/" + TinyModels.CHARLM)).path("app_details").path("hidden").asInt());
        assertEquals(TinyModels.LABELS.toString().replace(" ", ""), ok(fixture.get("/api/models/" + TinyModels.CLASSIFY))
                .path("app_details").path("labels").toString().replace("\"", ""));
        JsonNode translate = ok(fixture.get("/api/models/" + TinyModels.TRANSLATE)).path("app_details");
        assertTrue(translate.path("attention").asBoolean());
        assertEquals(TranslateEndpoints.EXAMPLES, translate.path("examples").size(), translate.toString());
        assertEquals(12, ok(fixture.get("/api/models/" + TinyModels.FORECAST)).path("app_details").path("horizon").asInt(),
                "the resolved horizon, not app-config.json's 0 for automatic");
    }

    @Test
    void predictAnswersThroughEachAppsOwnPredict() throws Exception {
        JsonNode charlm = ok(fixture.post("/api/models/" + TinyModels.CHARLM + "/predict", "{\"inputs\":[\"The \"]}"));
        assertEquals(1, charlm.path("answers").size());
        assertTrue(charlm.path("answers").get(0).asText().startsWith("The ") && charlm.path("answers").get(0).asText().length() > 100);
        JsonNode classify = ok(fixture.post("/api/models/" + TinyModels.CLASSIFY + "/predict", "{\"inputs\":[\"fur tail paws\"]}"));
        String label = classify.path("answers").get(0).asText().split("\t")[0];
        assertTrue(TinyModels.LABELS.contains(label), classify.toString());
        JsonNode forecast = ok(fixture.post("/api/models/" + TinyModels.FORECAST + "/predict", "{}"));
        assertEquals(13, forecast.path("answers").get(0).asText().split("\n").length, forecast.toString());
        String sentence = ok(fixture.get("/api/models/" + TinyModels.TRANSLATE)).path("app_details").path("examples").get(0).asText();
        JsonNode translate = ok(fixture.post("/api/models/" + TinyModels.TRANSLATE + "/predict",
                "{\"inputs\":[" + quote(sentence) + "]}"));
        assertEquals(1, translate.path("answers").size());
    }

    static String quote(String text) {
        return io.rnnsuite.common.io.Json.MAPPER.valueToTree(text).toString();
    }

    @Test
    void sampleIsReproducibleAndCarriesOneActivationPerCharacter() throws Exception {
        String body = "{\"prime\":\"The \",\"length\":40,\"temperature\":0.9,\"seed\":5,\"unit\":3}";
        JsonNode first = ok(fixture.post("/api/models/" + TinyModels.CHARLM + "/sample", body));
        JsonNode again = ok(fixture.post("/api/models/" + TinyModels.CHARLM + "/sample", body));
        String text = first.path("text").asText();
        assertEquals(40, text.codePointCount(0, text.length()));
        assertEquals(text, again.path("text").asText(), "same seed, same text");
        assertEquals(40, first.path("activations").size());
        for (JsonNode a : first.path("activations")) {
            assertTrue(a.asDouble() >= -1 && a.asDouble() <= 1, "an LSTM's output lies in [-1, 1]: " + a);
        }
    }

    @Test
    void streamSendsOneEventPerCharacterThenDoneAndMatchesTheJsonSample() throws Exception {
        ServerFixture.Answer stream = fixture.get("/api/models/" + TinyModels.CHARLM
                + "/stream?prime=The%20&length=30&temperature=0.9&seed=5&unit=3");
        assertEquals(200, stream.status(), stream.body());
        assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
        StringBuilder text = new StringBuilder();
        int events = 0;
        for (String event : stream.body().split("\n\n")) {
            if (event.startsWith("data: ")) {
                JsonNode data = io.rnnsuite.common.io.Json.MAPPER.readTree(event.substring(6));
                text.append(data.path("text").asText());
                assertTrue(data.path("activation").isNumber(), event);
                events++;
            }
        }
        assertEquals(30, events);
        assertTrue(stream.body().contains("event: done\ndata: {\"characters\":30}"), stream.body());
        JsonNode sample = ok(fixture.post("/api/models/" + TinyModels.CHARLM + "/sample",
                "{\"prime\":\"The \",\"length\":30,\"temperature\":0.9,\"seed\":5,\"unit\":3}"));
        assertEquals(sample.path("text").asText(), text.toString(), "streamed and whole sampling draw the same text");
    }

    @Test
    void autocompleteProposesTheLikeliestCharactersAndWordsThatContinueTheTypedOne() throws Exception {
        JsonNode answer = ok(fixture.post("/api/models/" + TinyModels.CHARLM + "/complete", "{\"text\":\"The ca\",\"k\":4}"));
        assertEquals("ca", answer.path("partial_word").asText());
        JsonNode characters = answer.path("characters");
        assertEquals(4, characters.size());
        double total = 0;
        double previous = 1;
        for (JsonNode c : characters) {
            double p = c.path("probability").asDouble();
            assertTrue(p <= previous + 1e-12, "sorted by probability: " + characters);
            previous = p;
            total += p;
        }
        assertTrue(total > 0 && total <= 1 + 1e-6, "probabilities of distinct characters: " + total);
        for (JsonNode w : answer.path("words")) {
            assertTrue(w.path("word").asText().startsWith("ca" + w.path("completion").asText().charAt(0)), w.toString());
            assertTrue(w.path("probability").asDouble() <= characters.get(0).path("probability").asDouble() + 1e-9);
        }
    }

    @Test
    void classifyGivesProbabilitiesSummingToOneAndAnInfluencePerWord() throws Exception {
        JsonNode answer = ok(fixture.post("/api/models/" + TinyModels.CLASSIFY + "/classify", "{\"text\":\"fur tail, sweet paws\"}"));
        double total = 0;
        for (JsonNode c : answer.path("classes")) {
            total += c.path("probability").asDouble();
        }
        assertEquals(1.0, total, 1e-4);
        assertTrue(TinyModels.LABELS.contains(answer.path("predicted").asText()));
        JsonNode words = answer.path("words");
        assertEquals(List.of("fur", "tail", ",", "sweet", "paws"), texts(words, "word"));
        for (JsonNode w : words) {
            assertTrue(w.path("influence").isNumber() && Math.abs(w.path("influence").asDouble()) <= 1, w.toString());
        }
        JsonNode one = ok(fixture.post("/api/models/" + TinyModels.CLASSIFY + "/classify", "{\"text\":\"fur\"}"));
        assertTrue(one.path("words").get(0).path("influence").isNull(), "one word has nothing to compare with");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void translateGivesGreedyAndBeamWithScoresAndAttentionRowsSummingToOne() throws Exception {
        String sentence = ok(fixture.get("/api/models/" + TinyModels.TRANSLATE)).path("app_details").path("examples").get(0).asText();
        JsonNode answer = ok(fixture.post("/api/models/" + TinyModels.TRANSLATE + "/translate",
                "{\"sentence\":" + quote(sentence) + ",\"beam\":3}"));
        assertTrue(answer.path("greedy").path("log_probability").asDouble() <= 0);
        assertEquals(3, answer.path("beam").path("width").asInt());
        assertTrue(answer.path("beam").path("log_probability").isNumber());
        JsonNode attention = answer.path("attention");
        int columns = attention.path("source_tokens").size();
        assertTrue(columns > 0);
        assertEquals(attention.path("output_tokens").size(), attention.path("weights").size());
        for (JsonNode row : attention.path("weights")) {
            assertEquals(columns, row.size());
            double total = 0;
            for (JsonNode w : row) {
                total += w.asDouble();
            }
            assertEquals(1.0, total, 1e-3);
        }
    }

    @Test
    void forecastHonoursTheHorizonStandsBesideTheBaselinesAndReadsAnUploadedCsv() throws Exception {
        JsonNode own = ok(fixture.post("/api/models/" + TinyModels.FORECAST + "/forecast", "{}"));
        assertEquals(List.of("lstm", "persistence", "seasonal_naive", "linear_ar"), texts(own.path("forecasts"), "name"));
        assertEquals(12, own.path("labels").size());
        assertEquals("2015-01", own.path("labels").get(0).asText(), "the month after the series' last (2014-12)");
        JsonNode three = ok(fixture.post("/api/models/" + TinyModels.FORECAST + "/forecast", "{\"horizon\":3}"));
        assertEquals(3, three.path("forecasts").get(0).path("values").size());
        assertEquals(own.path("forecasts").get(0).path("values").get(2).asDouble(),
                three.path("forecasts").get(0).path("values").get(2).asDouble(), 1e-9, "a shorter horizon is a prefix");
        List<String> lines = Files.readAllLines(TinyModels.seriesCsv());
        String upload = String.join("\n", lines.subList(0, 101));
        JsonNode uploaded = ok(fixture.post("/api/models/" + TinyModels.FORECAST + "/forecast",
                "{\"csv\":" + quote(upload) + "}"));
        assertEquals("2008-05", uploaded.path("labels").get(0).asText(), "after row 100 (2008-04)");
        assertEquals("uploaded CSV", uploaded.path("series").asText());
    }

    @Test
    void concurrentRequestsToOneModelGetTheAnswersOfRequestsMadeAlone() throws Exception {
        String path = "/api/models/" + TinyModels.CLASSIFY + "/classify";
        List<String> texts = List.of("fur tail paws", "sweet baked sauce", "leaf root flower seeds", "the a of with fur");
        List<String> alone = new ArrayList<>();
        for (String t : texts) {
            alone.add(ok(fixture.post(path, "{\"text\":" + quote(t) + "}")).path("classes").toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String t = texts.get(i % texts.size());
                answers.add(pool.submit(() -> ok(fixture.post(path, "{\"text\":" + quote(t) + "}")).path("classes").toString()));
            }
            Set<Integer> wrong = new HashSet<>();
            for (int i = 0; i < answers.size(); i++) {
                if (!answers.get(i).get().equals(alone.get(i % texts.size()))) {
                    wrong.add(i);
                }
            }
            assertTrue(wrong.isEmpty(), "answers that differ from the same request made alone: " + wrong);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void speechRecognisesAnUploadedWavAsItsOwnPredictDoes(@TempDir Path tmp) throws Exception {
        String base = "/api/models/" + TinyModels.SPEECH;
        JsonNode model = ok(fixture.get(base));
        assertEquals("[\"predict\",\"recognise\"]", model.path("actions").toString());
        JsonNode details = model.path("app_details");
        assertEquals(TinyModels.TONES.toString().replace(" ", ""), details.path("vocabulary").toString().replace("\"", ""));
        assertEquals(10.0, details.path("max_seconds").asDouble(), 1e-9);
        assertFalse(details.path("ctc").asBoolean());

        io.rnnsuite.speech.SpeechApp app = new io.rnnsuite.speech.SpeechApp();
        var loaded = io.rnnsuite.common.app.AppModels.open(app, TinyModels.root().resolve(TinyModels.SPEECH));
        for (double hz : new double[] {TinyModels.LOW_HZ, TinyModels.HIGH_HZ}) {
            byte[] wav = TinyModels.toneWav(hz, 0.5, 44_100, 5);
            JsonNode answer = ok(fixture.post(base + "/recognise", "audio/wav", wav));
            assertEquals(0.5, answer.path("seconds").asDouble(), 1e-3);
            assertEquals(44_100, answer.path("sample_rate").asInt());
            JsonNode alternatives = answer.path("alternatives");
            assertEquals(2, alternatives.size());
            assertEquals(answer.path("text").asText(), alternatives.get(0).path("word").asText(), "the likeliest word first");
            assertEquals(1.0, alternatives.get(0).path("probability").asDouble() + alternatives.get(1).path("probability").asDouble(),
                    1e-3);
            // the same file through the app's own predict: the same word and probability
            Path file = Files.write(tmp.resolve(hz + ".wav"), wav);
            String[] line = app.predict(loaded.model(), List.of(file.toString())).get(0).split("\t");
            assertEquals(List.of(file.toString(), answer.path("text").asText()), List.of(line[0], line[1]));
            assertEquals(Double.parseDouble(line[2].substring(2)), alternatives.get(0).path("probability").asDouble(), 6e-4);
        }
    }

    @Test
    void theCharLmExplainViewIsMadeOnceAndItsNumbersComeAsJson() throws Exception {
        ServerFixture.Answer page = fixture.get("/models/" + TinyModels.CHARLM + "/explain");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains(io.rnnsuite.charlm.explain.ExplainPage.DATA_ID), "the explain page's data");
        JsonNode numbers = ok(fixture.get("/api/models/" + TinyModels.CHARLM + "/explain"));
        String text = numbers.path("text").asText();
        assertTrue(text.length() > 100 && text.length() <= CharLmEndpoints.EXPLAIN_LENGTH, "at most 500 characters: " + text.length());
        assertTrue(Files.readString(TinyModels.root().resolve("data/tiny.txt")).contains(text), "a passage of the model's own text");
        assertTrue(numbers.path("units").size() > 0, numbers.path("units").toString());
        assertTrue(page.body().contains(numbers.path("units").get(0).path("property").asText()));
        assertEquals(page.body(), fixture.get("/models/" + TinyModels.CHARLM + "/explain").body(), "made once, then kept");
        assertEquals(404, fixture.get("/models/" + TinyModels.CLASSIFY + "/explain").status());
        assertEquals(405, fixture.post("/api/models/" + TinyModels.CHARLM + "/explain", "{}").status());
    }
}
