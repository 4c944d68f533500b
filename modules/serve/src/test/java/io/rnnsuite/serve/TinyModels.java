package io.rnnsuite.serve;

import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.cli.CliErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * One tiny model per app, trained once per test JVM through each app's own {@code train} command
 * (seconds each) into {@code target/tiny-models}, beside the data files they were trained on. The
 * forecaster leaves lookback and horizon automatic (24 and the season, 12), as users usually do.
 */
final class TinyModels {

    static final String CHARLM = "charlm-lstm";
    static final String CLASSIFY = "classify-gru";
    static final String TRANSLATE = "translate-attention";
    static final String FORECAST = "forecast-lstm";
    static final String SPEECH = "speech-gru";
    /** The speech model's words: a low and a high tone (stand-in audio made here, as no recordings are bundled). */
    static final List<String> TONES = List.of("high", "low");
    static final double LOW_HZ = 300;
    static final double HIGH_HZ = 1800;
    static final List<String> LABELS = List.of("animal", "food", "plant");

    private static Path root;

    private TinyModels() {
    }

    /** The models root (subdirectories: one model each) and, in {@code data/}, their training files. */
    static synchronized Path root() throws IOException {
        if (root != null) {
            return root;
        }
        Path dir = Path.of("target", "tiny-models").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        Path text = Files.writeString(data.resolve("tiny.txt"), englishLike(6000, 3));
        Path texts = Files.writeString(data.resolve("texts.csv"), labelledTexts(40, 5));
        Path series = Files.writeString(data.resolve("seasonal.csv"), seasonalCsv(180, 7));
        train("charlm", "train", "--text", text.toString(), "--cell", "lstm", "--hidden", "16", "--sequence-length", "20",
                "--tbptt", "10", "--min-char-count", "1", "--epochs", "1", "--max-batches", "15", "--batch-size", "8",
                "--output-dir", dir.resolve(CHARLM).toString());
        train("classify", "train", "--csv", texts.toString(), "--cell", "gru", "--hidden", "8", "--embedding-size", "8",
                "--batch-size", "8", "--min-count", "1", "--epochs", "4", "--output-dir", dir.resolve(CLASSIFY).toString());
        train("translate", "train", "--dataset", "numbers-en-fr", "--pairs-count", "300", "--max-length", "24", "--cell", "lstm",
                "--hidden", "16", "--attention", "--beam", "2", "--epochs", "2", "--batch-size", "32",
                "--output-dir", dir.resolve(TRANSLATE).toString());
        Path tones = tones(data.resolve("tones"), 8);
        train("speech", "train", "--wav-dir", tones.toString(), "--cell", "gru", "--hidden", "8", "--batch-size", "8",
                "--epochs", "3", "--output-dir", dir.resolve(SPEECH).toString());
        train("forecast", "train", "--csv", series.toString(), "--target", "value", "--season", "12", "--hidden", "8", "--epochs", "8", "--output-dir", dir.resolve(FORECAST).toString());
        root = dir;
        return root;
    }

    static Path seriesCsv() throws IOException {
        return root().resolve("data").resolve("seasonal.csv");
    }

    private static void train(String app, String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = CliErrors.install(Apps.named(app).command());
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        if (code != 0) {
            throw new IllegalStateException(app + " train failed (" + code + "): " + err);
        }
    }

    /** One folder of WAV files per tone, {@code perTone} files each, of varied length, pitch and loudness. */
    static Path tones(Path dir, int perTone) throws IOException {
        Random random = new Random(11);
        for (String tone : TONES) {
            Path folder = Files.createDirectories(dir.resolve(tone));
            for (int i = 0; i < perTone; i++) {
                double hz = (tone.equals("low") ? LOW_HZ : HIGH_HZ) * (0.9 + 0.2 * random.nextDouble());
                Files.write(folder.resolve(i + ".wav"), toneWav(hz, 0.4 + 0.3 * random.nextDouble(), 16000, random.nextLong()));
            }
        }
        return dir;
    }

    /** A WAV file (16-bit PCM, mono) of a sine tone with a little noise, faded in and out. */
    static byte[] toneWav(double hz, double seconds, int rate, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[(int) Math.round(seconds * rate)];
        double amplitude = 0.3 + 0.4 * random.nextDouble();
        for (int t = 0; t < samples.length; t++) {
            double fade = Math.min(1, Math.min(t, samples.length - 1 - t) / (0.02 * rate));
            samples[t] = (float) (fade * amplitude * Math.sin(2 * Math.PI * hz * t / rate) + 0.01 * random.nextGaussian());
        }
        return io.rnnsuite.speech.audio.WavWriter.pcm16(new io.rnnsuite.speech.audio.Audio(samples, rate));
    }

    static String englishLike(int characters, long seed) {
        String[] words = {"The", "the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "to", "its", "bed"};
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < characters) {
            sb.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? ".\n" : " ");
        }
        return sb.toString();
    }

    /** Each class draws most words from its own list: an easy problem a tiny GRU learns in a few epochs. */
    static String labelledTexts(int perClass, long seed) {
        List<List<String>> topics = List.of(List.of("fur", "tail", "paws", "barks"), List.of("sweet", "baked", "sauce", "fried"),
                List.of("leaf", "root", "flower", "seeds"));
        List<String> shared = List.of("the", "a", "of", "with");
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("text,label\n");
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < LABELS.size(); c++) {
                List<String> words = new ArrayList<>();
                for (int t = 0; t < 4 + random.nextInt(5); t++) {
                    List<String> from = random.nextDouble() < 0.7 ? topics.get(c) : shared;
                    words.add(from.get(random.nextInt(from.size())));
                }
                sb.append(String.join(" ", words)).append(',').append(LABELS.get(c)).append('\n');
            }
        }
        return sb.toString();
    }

    static String seasonalCsv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("month,value\n");
        for (int t = 0; t < rows; t++) {
            double value = 20 + 0.05 * t + 5 * Math.sin(2 * Math.PI * t / 12) + 0.3 * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d-%02d,%.4f%n", 2000 + t / 12, t % 12 + 1, value));
        }
        return csv.toString();
    }
}
