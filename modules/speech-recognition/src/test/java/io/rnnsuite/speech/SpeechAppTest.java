package io.rnnsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.speech.audio.TestWavs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code speech} end to end on stand-in audio made in code: the shared commands, the app's flags, every bad input. */
class SpeechAppTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = CliErrors.install(new SpeechApp().command());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static final String[] TINY = {"--hidden", "8", "--batch-size", "8", "--epochs", "2", "--budget", "1m"};

    private static String[] with(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TINY));
        return all.toArray(String[]::new);
    }

    @Test
    void isolatedWordsTrainPredictAndEvaluateWithAValidRunRecord() throws IOException {
        Path wavs = SyntheticSpeech.wavDir(dir.resolve("words"), 10, 1);
        Path model = dir.resolve("m");
        assertEquals(0, run(with("train", "--wav-dir", wavs.toString(), "--cell", "gru", "--output-dir", model.toString())),
                err.toString());
        assertTrue(out.toString().contains("majority (baseline)") && out.toString().contains("pooled_mfcc_logreg (baseline)"),
                out.toString());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        assertEquals(SpeechApp.ID, record.path("app").asText());
        assertEquals("file", record.path("data").path("source").asText());
        for (String key : List.of("wer", "accuracy", "macro_f1", "accuracy_clean", "accuracy_snr10")) {
            assertTrue(record.path("metrics").has(key), key + " in " + record.path("metrics"));
        }
        assertTrue(Files.isRegularFile(model.resolve(io.rnnsuite.speech.model.SpeechModel.VOCABULARY_FILE)));

        Path one = wavs.resolve("high").resolve("0.wav");
        assertEquals(0, run("predict", "--model", model.toString(), one.toString()), err.toString());
        assertTrue(out.toString().strip().matches("\\Q" + one + "\\E\t(low|mid|high)\tp=[01]\\.\\d{3}"), out.toString());
        assertEquals(0, run("evaluate", "--model", model.toString()), err.toString());
        assertTrue(out.toString().contains("accuracy") && out.toString().contains("majority (baseline)"), out.toString());
        assertEquals(2, run("transfer", "--model", model.toString(), "--recordings", dir.toString()));
        assertTrue(err.toString().contains("an isolated-word model; the packaged real recordings are digit strings"),
                err.toString());
    }

    @Test
    void connectedDigitsTrainWithCtcAndPredictEachWordWithItsConfidence() throws IOException {
        Path transcripts = SyntheticSpeech.transcripts(dir.resolve("strings"), 24, 2);
        Path model = dir.resolve("ctc");
        assertEquals(0, run(with("train", "--transcripts", transcripts.toString(), "--ctc", "--bidirectional", "--beam", "3",
                "--output-dir", model.toString())), err.toString());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        for (String key : List.of("wer", "cer", "sentence_accuracy", "wer_clean", "wer_snr20")) {
            assertTrue(record.path("metrics").has(key), key + " in " + record.path("metrics"));
        }
        assertTrue(record.path("baselines").has("majority"), record.path("baselines").toString());
        Path wav = dir.resolve("strings").resolve("audio").resolve("0.wav");
        assertEquals(0, run("predict", "--model", model.toString(), wav.toString()), err.toString());
        assertTrue(out.toString().strip().matches("\\Q" + wav + "\\E\t[a-z ]*\t([a-z]+=[01]\\.\\d\\d ?)*"), out.toString());

        Path fake = fakePackagedRecordings(dir.resolve("packaged"));
        assertEquals(0, run("transfer", "--model", model.toString(), "--recordings", fake.toString()), err.toString());
        List<String> lines = out.toString().strip().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).matches("tidigits/dhd\\.2934z\\.raw\t0\\.\\d\\d s\treference: two nine three four zero\t"
                + "heard: [a-z() ]+\t\\d+ error\\(s\\) / 5 words"), lines.get(0));
        assertTrue(lines.get(2).matches("real recordings \\(pocketsphinx-testdata\\): WER \\d\\.\\d{3}, CER \\d\\.\\d{3}, "
                + "\\d of 2 strings exactly right"), lines.get(2));
        assertEquals(2, run("transfer", "--model", model.toString(), "--recordings", dir.resolve("nowhere").toString()));
        assertTrue(err.toString().startsWith("error: --recordings ") && err.toString().contains("apt-get install "
                + "pocketsphinx-testdata"), err.toString());

        assertEquals(2, run(with("train", "--transcripts", transcripts.toString(), "--output-dir", dir.resolve("x").toString())));
        assertTrue(err.toString().startsWith("error: " + transcripts + " is connected speech (digit strings): add --ctc"),
                err.toString());
    }

    /** Generated spoken digits through the FreeTTS fallback, as on a machine without espeak-ng. */
    @Test
    void freettsSpokenDigitsTrainAndEvaluateWithTheGeneratorRecorded() throws IOException {
        Path model = dir.resolve("freetts");
        assertEquals(0, run(with("train", "--tts", "freetts", "--train-voices", "3", "--validation-voices", "1",
                "--test-voices", "1", "--snrs", "10", "--data-dir", dir.resolve("speech").toString(),
                "--output-dir", model.toString())), err.toString());
        JsonNode record = RunRecordSchema.assertValid(model.resolve(ModelDirectory.RUN_FILE));
        JsonNode details = record.path("data").path("details");
        assertEquals("generated", record.path("data").path("source").asText());
        assertEquals("freetts", details.path("tts").asText(), details.toString());
        assertEquals(io.rnnsuite.speech.data.FreettsGenerator.VERSION, details.path("generator").asText());
        assertEquals(3, details.path("train_voices").size());
        assertTrue(record.path("data").path("sha256").asText().matches("[0-9a-f]{64}"));
        String report = Files.readString(model.resolve("report.md"));
        assertTrue(report.contains("generated with FreeTTS 1.2.2") && report.contains("asked for with --tts freetts")
                && report.contains("pseudo-speakers"), report);
        assertTrue(record.path("metrics").has("accuracy_snr10"), record.path("metrics").toString());

        assertEquals(0, run("evaluate", "--model", model.toString()), err.toString());
        assertTrue(out.toString().contains("accuracy") && out.toString().contains("pooled_mfcc_logreg (baseline)"),
                out.toString());

        assertEquals(2, run(with("train", "--tts", "festival", "--output-dir", dir.resolve("never").toString())));
        assertEquals("error: --tts festival: expected espeak, freetts or auto", err.toString().strip());
        assertTrue(Files.notExists(dir.resolve("never")));
    }

    /** The layout of pocketsphinx-testdata with stand-in audio: a raw 16-bit file and a WAV file. */
    private static Path fakePackagedRecordings(Path root) throws IOException {
        java.util.Random random = new java.util.Random(9);
        Files.createDirectories(root.resolve("tidigits"));
        Files.createDirectories(root.resolve("cards"));
        float[] digits = SyntheticSpeech.digits(new int[] {2, 0, 1}, random).samples();
        Files.write(root.resolve("tidigits").resolve("dhd.2934z.raw"), TestWavs.encode(new float[][] {digits}, 16, false));
        io.rnnsuite.speech.audio.WavWriter.write(root.resolve("cards").resolve("004.wav"),
                SyntheticSpeech.digits(new int[] {1, 1}, random));
        return root;
    }

    @Test
    void benchPrintsTheRealTimeFactorOfEachDefaultModelAndTheCtcBatchMemory() {
        assertEquals(0, run("bench", "--utterances", "1", "--repeats", "1", "--warmup", "0", "--training-batch", "2"),
                err.toString());
        String text = out.toString();
        for (String model : List.of("isolated words lstm", "digit strings lstm_ctc", "digit strings bilstm_ctc")) {
            assertTrue(text.lines().anyMatch(l -> l.contains(model) && l.matches(".*\\b\\d+\\.\\d{4}\\b.*")), model + " in\n" + text);
        }
        assertTrue(text.matches("(?s).*fit\\(\\): \\d+ ms, Java heap allocated [\\d.]+ MB per batch, of it the CTC loss [\\d.]+ MB.*"),
                text);
    }

    @Test
    void compareTrainsExactlyTheVariantsAsked() throws IOException {
        Path wavs = SyntheticSpeech.wavDir(dir.resolve("words"), 6, 3);
        Path report = dir.resolve("c");
        assertEquals(0, run("compare", "--wav-dir", wavs.toString(), "--cells", "gru,lstm", "--hidden", "16", "--layers", "2",
                "--epochs", "1", "--budget", "40s", "--output-dir", report.toString()), err.toString());
        JsonNode dataset = Json.MAPPER.readTree(report.resolve("results.json").toFile()).path("datasets").get(0);
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
        }
        assertEquals(List.of("gru", "lstm"), cells);
        assertEquals(List.of("majority", "pooled_mfcc_logreg"), baselines);
    }

    /** Each bad input through {@code train --wav-dir}: exit 2, one line naming the file, no model directory. */
    @Test
    void everyBadRecordingIsOneLineAndExitCodeTwo() throws IOException {
        float[] tone = TestWavs.tone(440, 16000, 0.3);
        byte[] good = TestWavs.wav(1, 1, 16000, 16, TestWavs.encode(new float[][] {tone}, 16, false));
        byte[][] bad = {
            "just text".getBytes(),
            Arrays.copyOf(good, 30),
            TestWavs.wav(7, 1, 8000, 8, new byte[800]),
            TestWavs.wav(1, 1, 16000, 16, new byte[0]),
            TestWavs.wav(1, 1, 16000, 16, new byte[6400]),
            TestWavs.wav(1, 1, 16000, 16, TestWavs.encode(new float[][] {TestWavs.tone(300, 16000, 12)}, 16, false)),
        };
        String[] expected = {"not a WAV file", "corrupt 'fmt ' chunk", "unsupported encoding µ-law", "no audio samples",
            "the audio is silent", "longer than the maximum 10.00 s"};
        for (int i = 0; i < bad.length; i++) {
            Path wavs = SyntheticSpeech.wavDir(dir.resolve("bad" + i), 3, 4);
            Path file = Files.write(wavs.resolve("mid").resolve("broken.wav"), bad[i]);
            assertBadInput(expected[i], file.toString(), "--wav-dir", wavs.toString());
        }
        Path emptyLabel = SyntheticSpeech.wavDir(dir.resolve("empty"), 3, 5);
        Files.createDirectories(emptyLabel.resolve("silence"));
        assertBadInput("empty label folder", emptyLabel.resolve("silence").toString(), "--wav-dir", emptyLabel.toString());
    }

    @Test
    void badTranscriptLinesAreOneLineAndExitCodeTwo() throws IOException {
        Path transcripts = SyntheticSpeech.transcripts(dir.resolve("t"), 4, 6);
        Path missing = Files.writeString(dir.resolve("t").resolve("missing.tsv"),
                Files.readString(transcripts) + "audio/nowhere.wav\tone two\n");
        assertBadInput("line 5: the audio file", missing.toString(), "--transcripts", missing.toString(), "--ctc");
        Path word = Files.writeString(dir.resolve("t").resolve("word.tsv"),
                "audio/0.wav\tone hello\n" + Files.readString(transcripts));
        assertBadInput("line 1: the word 'hello' is not in the vocabulary", word.toString(), "--transcripts", word.toString(),
                "--ctc");
    }

    private void assertBadInput(String what, String where, String... source) throws IOException {
        Path model = dir.resolve("never");
        List<String> args = new ArrayList<>(List.of("train", "--output-dir", model.toString()));
        args.addAll(List.of(source));
        assertEquals(2, run(with(args.toArray(String[]::new))), what + ": " + err);
        String line = err.toString().strip();
        assertTrue(line.startsWith("error: ") && line.contains(where) && line.contains(what), line);
        assertEquals(1, line.lines().count(), line);
        assertTrue(Files.notExists(model) || isEmpty(model), "nothing half-written for " + what);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void registeredAndEveryOptionShowsItsDefault() {
        assertTrue(Apps.named("speech") instanceof SpeechApp);
        String help = new SpeechApp().command().getSubcommands().get("train").getUsageMessage();
        assertTrue(help.contains("default: spoken-digits") && help.contains("default: 20,10,5")
                && help.contains("(default: 64)") && help.contains("--tts=ENGINE") && help.contains("(default: auto)"), help);
    }
}
