package io.rnnsuite.speech.bench;

import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.features.FeatureExtractor;
import io.rnnsuite.speech.model.SpeechModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times recognition per second of audio: feature extraction of every utterance, then the network
 * and decoding one utterance at a time (as {@code predict FILE} does) and in padded batches of
 * {@link SpeechModel#BATCH}. The audio is made here (voiced-like harmonics under a syllable-rate
 * envelope, plus noise): 1 s per utterance for isolated words, 3 s for digit strings. The work per
 * frame does not depend on what is said or on the weights, so untrained networks time like trained ones.
 */
public final class RecognitionTiming {

    /** A model and what tables call it. */
    public record Named(String name, SpeechModel model) {
    }

    /**
     * How much to time.
     *
     * @param utterances utterances per timed run
     * @param warmup     untimed runs first
     * @param repeats    timed runs (figures are medians)
     */
    public record Settings(int utterances, int warmup, int repeats) {
        public Settings {
            if (utterances < 1 || warmup < 0 || repeats < 1) {
                throw new IllegalArgumentException("utterances and repeats must be at least 1, warmup at least 0");
            }
        }
    }

    /**
     * Medians in milliseconds of compute per second of audio.
     *
     * @param utteranceSeconds length of each utterance
     */
    public record Result(double utteranceSeconds, double featuresMsPerSecond, double singleMsPerSecond,
                         double batchedMsPerSecond) {
    }

    private RecognitionTiming() {
    }

    public static Result measure(SpeechModel model, Settings settings) {
        double seconds = model.config().ctc() ? 3.0 : 1.0;
        int rate = model.config().features().sampleRate();
        Random random = new Random(1);
        List<Audio> audio = new ArrayList<>();
        for (int i = 0; i < settings.utterances(); i++) {
            audio.add(speechLike(seconds, rate, random));
        }
        FeatureExtractor extractor = new FeatureExtractor(model.config().features());
        double total = seconds * settings.utterances();
        double[] features = new double[settings.repeats()];
        double[] single = new double[settings.repeats()];
        double[] batched = new double[settings.repeats()];
        for (int run = -settings.warmup(); run < settings.repeats(); run++) {
            long t0 = System.nanoTime();
            List<float[][]> frames = new ArrayList<>();
            for (Audio a : audio) {
                frames.add(extractor.features(a));
            }
            long t1 = System.nanoTime();
            for (float[][] f : frames) {
                recognise(model, List.<float[][]>of(f));
            }
            long t2 = System.nanoTime();
            recognise(model, frames);
            long t3 = System.nanoTime();
            if (run >= 0) {
                features[run] = (t1 - t0) / 1e6 / total;
                single[run] = (t2 - t1) / 1e6 / total;
                batched[run] = (t3 - t2) / 1e6 / total;
            }
        }
        return new Result(seconds, median(features), median(single), median(batched));
    }

    /** The network and decoding, as {@code predict} runs them. */
    private static int recognise(SpeechModel model, List<float[][]> frames) {
        int words = 0;
        if (model.config().ctc()) {
            for (double[][] p : model.framePosteriors(frames)) {
                words += model.decode(p).labels().length;
            }
        } else {
            words = model.probabilities(frames).length;
        }
        return words;
    }

    /** Harmonics of a gliding 100–160 Hz voice, opened and closed four times a second, over a little noise. */
    static Audio speechLike(double seconds, int rate, Random random) {
        int n = (int) Math.round(seconds * rate);
        float[] s = new float[n];
        double f0 = 100 + 60 * random.nextDouble();
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            phase += 2 * Math.PI * f0 * (1 + 0.1 * Math.sin(2 * Math.PI * 0.7 * t)) / rate;
            double voice = 0;
            for (int h = 1; h <= 12; h++) {
                voice += Math.sin(h * phase) / h;
            }
            double envelope = Math.max(0, Math.sin(2 * Math.PI * 4 * t));
            s[i] = (float) (0.2 * envelope * voice + 0.005 * random.nextGaussian());
        }
        return new Audio(s, rate);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
