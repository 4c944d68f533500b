package io.rnnsuite.speech.features;

/**
 * Triangular filters equally spaced on the mel scale ({@code mel = 2595 log10(1 + f / 700)}, the
 * HTK formula) between {@code lowHz} and {@code highHz}; each weight is evaluated at the FFT bin's
 * exact frequency, so the filters do not depend on bin rounding.
 */
public final class MelFilterbank {

    private final double[][] weights; // [band][bin]
    private final double[] centresHz;

    public MelFilterbank(int bands, int fftSize, int sampleRate, double lowHz, double highHz) {
        int bins = fftSize / 2 + 1;
        double low = hzToMel(lowHz);
        double high = hzToMel(highHz);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(low + (high - low) * i / (bands + 1));
        }
        weights = new double[bands][bins];
        centresHz = new double[bands];
        for (int b = 0; b < bands; b++) {
            double left = edges[b];
            double centre = edges[b + 1];
            double right = edges[b + 2];
            centresHz[b] = centre;
            for (int k = 0; k < bins; k++) {
                double f = k * sampleRate / (double) fftSize;
                if (f > left && f < right) {
                    weights[b][k] = f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre);
                }
            }
        }
    }

    public static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    public static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** The filters' energies of one power spectrum. */
    public double[] apply(double[] power) {
        double[] out = new double[weights.length];
        for (int b = 0; b < weights.length; b++) {
            double sum = 0;
            for (int k = 0; k < power.length; k++) {
                sum += weights[b][k] * power[k];
            }
            out[b] = sum;
        }
        return out;
    }

    /** Centre frequency of each band, Hz. */
    public double[] centresHz() {
        return centresHz.clone();
    }

    public int bands() {
        return weights.length;
    }
}
