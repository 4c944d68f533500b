package io.rnnsuite.speech;

import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stand-in "speech" made in code, so the app's tests need no speech synthesiser: every word is a
 * short two-tone chirp of its own, every digit of a string a tone burst of its own, with jitter
 * in pitch, length and level from the seed.
 */
public final class SyntheticSpeech {

    private SyntheticSpeech() {
    }

    /** A word: tone {@code base} rising to {@code 1.5 base}, 0.25–0.4 s. */
    public static Audio word(double base, Random random) {
        int rate = 16000;
        double f0 = base * (0.95 + 0.1 * random.nextDouble());
        int n = (int) (rate * (0.25 + 0.15 * random.nextDouble()));
        float[] s = new float[n + 1600];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = f0 * (1 + 0.5 * i / n);
            phase += 2 * Math.PI * f / rate;
            s[800 + i] = (float) (0.3 * Math.sin(phase) * Math.sin(Math.PI * i / n) + 0.01 * random.nextGaussian());
        }
        return new Audio(s, rate);
    }

    /** A digit string: one 120 ms burst at {@code 300 + 250 d} Hz per digit, 60 ms gaps. */
    public static Audio digits(int[] digits, Random random) {
        int rate = 16000;
        int burst = 1920;
        int gap = 960;
        float[] s = new float[gap + digits.length * (burst + gap)];
        int at = gap;
        for (int d : digits) {
            double f = (300 + 250 * d) * (0.97 + 0.06 * random.nextDouble());
            for (int i = 0; i < burst; i++) {
                s[at + i] = (float) (0.3 * Math.sin(2 * Math.PI * f * i / rate) * Math.sin(Math.PI * i / burst));
            }
            at += burst + gap;
        }
        for (int i = 0; i < s.length; i++) {
            s[i] += (float) (0.005 * random.nextGaussian());
        }
        return new Audio(s, rate);
    }

    /** {@code dir/<label>/<i>.wav} for labels "low", "mid", "high", {@code perLabel} files each. */
    public static Path wavDir(Path dir, int perLabel, long seed) throws IOException {
        Random random = new Random(seed);
        String[] labels = {"low", "mid", "high"};
        double[] bases = {300, 900, 2400};
        for (int l = 0; l < labels.length; l++) {
            Files.createDirectories(dir.resolve(labels[l]));
            for (int i = 0; i < perLabel; i++) {
                WavWriter.write(dir.resolve(labels[l]).resolve(i + ".wav"), word(bases[l], random));
            }
        }
        return dir;
    }

    /** {@code count} digit-string WAVs of 1–3 digits (0–2) and a transcripts file naming them. */
    public static Path transcripts(Path dir, int count, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(dir.resolve("audio"));
        List<String> lines = new ArrayList<>();
        String[] words = {"zero", "one", "two"};
        for (int i = 0; i < count; i++) {
            int[] digits = new int[1 + random.nextInt(3)];
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < digits.length; k++) {
                digits[k] = random.nextInt(3);
                text.append(k == 0 ? "" : " ").append(words[digits[k]]);
            }
            WavWriter.write(dir.resolve("audio").resolve(i + ".wav"), digits(digits, random));
            lines.add("audio/" + i + ".wav\t" + text);
        }
        return Files.write(dir.resolve("transcripts.tsv"), lines);
    }
}
