package io.rnnsuite.speech.features;

import io.rnnsuite.common.UserInputException;

/**
 * How audio becomes frames of features. Defaults ({@link #defaults()}) are the usual speech front end.
 *
 * @param kind        MFCC (default) or the log-mel energies themselves
 * @param sampleRate  rate the audio is resampled to first (default 16,000 Hz)
 * @param frameMs     frame length (default 25 ms = 400 samples)
 * @param hopMs       frame step (default 10 ms = 160 samples: 100 frames per second)
 * @param fftSize     FFT length, a power of two at least the frame length (default 512)
 * @param melBands    triangular mel filters between 20 Hz and the Nyquist frequency (default 40)
 * @param cepstra     MFCCs kept, c0 included (default 13)
 * @param deltas      append first and second time derivatives (default true: 13 → 39 values per frame)
 * @param preEmphasis coefficient of the first-order high-pass {@code y[n] = x[n] - a x[n-1]} (default 0.97)
 * @param normalise   per-utterance mean and variance normalisation of every value (default true)
 */
public record FeatureConfig(Kind kind, int sampleRate, double frameMs, double hopMs, int fftSize, int melBands,
                            int cepstra, boolean deltas, double preEmphasis, boolean normalise) {

    /** Which features a frame holds. */
    public enum Kind { MFCC, LOGMEL }

    /** Lowest filter edge, Hz: below it is mostly hum. */
    public static final double LOW_HZ = 20;

    public FeatureConfig {
        if (kind == null || sampleRate < 1000 || frameMs <= 0 || hopMs <= 0) {
            throw new UserInputException("features need a kind, a sample rate of at least 1000 Hz and positive frame/hop lengths");
        }
        if (Integer.bitCount(fftSize) != 1 || fftSize < frameSamples(sampleRate, frameMs)) {
            throw new UserInputException("the FFT size must be a power of two at least the frame length, got " + fftSize);
        }
        if (melBands < 2 || cepstra < 1 || cepstra > melBands) {
            throw new UserInputException("--mel-bands must be at least 2 and --cepstra between 1 and the bands, got "
                    + melBands + " / " + cepstra);
        }
    }

    public static FeatureConfig defaults() {
        return new FeatureConfig(Kind.MFCC, 16_000, 25, 10, 512, 40, 13, true, 0.97, true);
    }

    public FeatureConfig withKind(Kind newKind) {
        return new FeatureConfig(newKind, sampleRate, frameMs, hopMs, fftSize, melBands, cepstra, deltas, preEmphasis, normalise);
    }

    public int frameSamples() {
        return frameSamples(sampleRate, frameMs);
    }

    public int hopSamples() {
        return (int) Math.round(sampleRate * hopMs / 1000);
    }

    /** Values per frame: cepstra or bands, times 3 with deltas. */
    public int dimension() {
        int base = kind == Kind.MFCC ? cepstra : melBands;
        return deltas ? 3 * base : base;
    }

    private static int frameSamples(int rate, double ms) {
        return (int) Math.round(rate * ms / 1000);
    }
}
