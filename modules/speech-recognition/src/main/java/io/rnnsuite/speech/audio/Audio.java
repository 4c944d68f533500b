package io.rnnsuite.speech.audio;

/**
 * Mono audio: samples in [-1, 1] at {@code sampleRate} Hz.
 *
 * @param samples    one value per sample (channels already averaged)
 * @param sampleRate samples per second
 */
public record Audio(float[] samples, int sampleRate) {

    public Audio {
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /** Length in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** The largest absolute sample value. */
    public double peak() {
        double peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }

    /** The same audio at {@code rate} Hz (band-limited, see {@link Resampler}). */
    public Audio resampledTo(int rate) {
        return rate == sampleRate ? this : new Audio(Resampler.resample(samples, sampleRate, rate), rate);
    }
}
