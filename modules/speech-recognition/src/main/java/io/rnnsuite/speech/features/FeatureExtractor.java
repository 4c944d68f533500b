package io.rnnsuite.speech.features;

import io.rnnsuite.speech.audio.Audio;

/**
 * Audio to a matrix of features, one row per 10 ms frame: resample to the configured rate,
 * pre-emphasis, 25 ms frames (the last partial frame dropped; a clip shorter than one frame is
 * zero-padded to one), Hamming window, power spectrum, mel filterbank, natural log (floored at
 * 1e-10), then for MFCC an orthonormal DCT-II keeping the first cepstra; then deltas (regression
 * over ±2 frames, edges repeated) and per-utterance mean / variance normalisation.
 */
public final class FeatureExtractor {

    /** Floor under filterbank energies before the log (silence would give -infinity). */
    public static final double ENERGY_FLOOR = 1e-10;
    /** Frames on each side of the delta regression. */
    public static final int DELTA_WINDOW = 2;

    private final FeatureConfig config;
    private final MelFilterbank filterbank;
    private final double[] window;

    public FeatureExtractor(FeatureConfig config) {
        this.config = config;
        this.filterbank = new MelFilterbank(config.melBands(), config.fftSize(), config.sampleRate(),
                FeatureConfig.LOW_HZ, config.sampleRate() / 2.0);
        int n = config.frameSamples();
        this.window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        }
    }

    public FeatureConfig config() {
        return config;
    }

    public MelFilterbank filterbank() {
        return filterbank;
    }

    /** The features of {@code audio}: {@code [frames][dimension]}. */
    public float[][] features(Audio audio) {
        double[][] base = config.kind() == FeatureConfig.Kind.MFCC ? mfcc(audio) : logMel(audio);
        double[][] all = config.deltas() ? withDeltas(base) : base;
        if (config.normalise()) {
            normalise(all);
        }
        float[][] out = new float[all.length][];
        for (int t = 0; t < all.length; t++) {
            out[t] = new float[all[t].length];
            for (int d = 0; d < all[t].length; d++) {
                out[t][d] = (float) all[t][d];
            }
        }
        return out;
    }

    /** Log mel energies, {@code [frames][bands]}, before deltas and normalisation. */
    public double[][] logMel(Audio audio) {
        float[] x = audio.resampledTo(config.sampleRate()).samples();
        int frameLength = config.frameSamples();
        int hop = config.hopSamples();
        int frames = x.length < frameLength ? 1 : 1 + (x.length - frameLength) / hop;
        double[][] out = new double[frames][];
        double[] frame = new double[frameLength];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            for (int i = 0; i < frameLength; i++) {
                int n = start + i;
                double current = n < x.length ? x[n] : 0;
                double previous = n == 0 ? 0 : (n - 1 < x.length ? x[n - 1] : 0);
                // pre-emphasis of the whole signal, y[0] = x[0]
                frame[i] = (current - config.preEmphasis() * previous) * window[i];
            }
            double[] energies = filterbank.apply(Fft.powerSpectrum(frame, config.fftSize()));
            for (int b = 0; b < energies.length; b++) {
                energies[b] = Math.log(Math.max(energies[b], ENERGY_FLOOR));
            }
            out[t] = energies;
        }
        return out;
    }

    /** MFCCs, {@code [frames][cepstra]}, before deltas and normalisation. */
    public double[][] mfcc(Audio audio) {
        double[][] logMel = logMel(audio);
        int bands = config.melBands();
        double[][] out = new double[logMel.length][config.cepstra()];
        for (int t = 0; t < logMel.length; t++) {
            for (int i = 0; i < config.cepstra(); i++) {
                double sum = 0;
                for (int m = 0; m < bands; m++) {
                    sum += logMel[t][m] * Math.cos(Math.PI * i * (m + 0.5) / bands);
                }
                out[t][i] = sum * Math.sqrt((i == 0 ? 1.0 : 2.0) / bands);
            }
        }
        return out;
    }

    /** Each row followed by its delta and delta-delta. */
    public static double[][] withDeltas(double[][] base) {
        double[][] d1 = deltas(base);
        double[][] d2 = deltas(d1);
        int width = base[0].length;
        double[][] out = new double[base.length][3 * width];
        for (int t = 0; t < base.length; t++) {
            System.arraycopy(base[t], 0, out[t], 0, width);
            System.arraycopy(d1[t], 0, out[t], width, width);
            System.arraycopy(d2[t], 0, out[t], 2 * width, width);
        }
        return out;
    }

    /** {@code d_t = Σ n (c_{t+n} - c_{t-n}) / (2 Σ n²)}, n = 1 … {@link #DELTA_WINDOW}, edge frames repeated. */
    public static double[][] deltas(double[][] c) {
        int frames = c.length;
        int width = c[0].length;
        double denominator = 0;
        for (int n = 1; n <= DELTA_WINDOW; n++) {
            denominator += 2 * n * n;
        }
        double[][] out = new double[frames][width];
        for (int t = 0; t < frames; t++) {
            for (int n = 1; n <= DELTA_WINDOW; n++) {
                double[] after = c[Math.min(frames - 1, t + n)];
                double[] before = c[Math.max(0, t - n)];
                for (int d = 0; d < width; d++) {
                    out[t][d] += n * (after[d] - before[d]) / denominator;
                }
            }
        }
        return out;
    }

    /** Per-utterance normalisation in place: every column to mean 0 and standard deviation 1 (constant columns to 0). */
    public static void normalise(double[][] x) {
        int width = x[0].length;
        for (int d = 0; d < width; d++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[d];
            }
            mean /= x.length;
            double variance = 0;
            for (double[] row : x) {
                variance += (row[d] - mean) * (row[d] - mean);
            }
            double std = Math.sqrt(variance / x.length);
            for (double[] row : x) {
                row[d] = std > 1e-8 ? (row[d] - mean) / std : 0;
            }
        }
    }
}
