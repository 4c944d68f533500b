package io.rnnsuite.speech.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.speech.features.Fft;
import org.junit.jupiter.api.Test;

/** Resampling keeps a tone's frequency and level, and removes what the new rate cannot hold. */
class ResamplerTest {

    /** The frequency of the strongest FFT bin of the middle 8192 samples, refined by parabolic interpolation. */
    static double dominantHz(float[] s, int rate) {
        int n = 8192;
        int start = (s.length - n) / 2;
        double[] frame = new double[n];
        for (int i = 0; i < n; i++) {
            frame[i] = s[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
        }
        double[] p = Fft.powerSpectrum(frame, n);
        int best = 1;
        for (int k = 1; k < p.length - 1; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        double a = Math.log(p[best - 1]);
        double b = Math.log(p[best]);
        double c = Math.log(p[best + 1]);
        double offset = 0.5 * (a - c) / (a - 2 * b + c);
        return (best + offset) * rate / (double) n;
    }

    @Test
    void aToneKeepsItsFrequencyFromEveryCommonRate() {
        for (int from : new int[] {8000, 11025, 22050, 44100, 48000}) {
            float[] tone = TestWavs.tone(1000, from, 1.0);
            float[] out = Resampler.resample(tone, from, 16000);
            assertEquals(16000, out.length, 1, "length at " + from);
            assertEquals(1000, dominantHz(out, 16000), 2.0, "from " + from + " Hz");
            double rms = Math.sqrt(NoiseMixer.power(java.util.Arrays.copyOfRange(out, 2000, 14000)));
            assertEquals(0.5 / Math.sqrt(2), rms, 0.01, "level from " + from + " Hz");
        }
    }

    @Test
    void downsamplingRemovesFrequenciesAboveTheNewNyquist() {
        float[] high = TestWavs.tone(10000, 44100, 1.0); // above 8 kHz: must not alias to 6 kHz
        float[] out = Resampler.resample(high, 44100, 16000);
        double rms = Math.sqrt(NoiseMixer.power(java.util.Arrays.copyOfRange(out, 2000, 14000)));
        assertTrue(rms < 0.01, "aliased energy left: rms " + rms);
    }

    /** The polyphase table gives what the kernel formula gives at every output position, edges included. */
    @Test
    void theTableOfKernelPhasesEqualsTheDirectFormula() {
        java.util.Random random = new java.util.Random(3);
        float[] input = new float[3001];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
        for (int[] rates : new int[][] {{22050, 16000}, {13600, 16000}, {18400, 16000}, {8000, 16000}, {44100, 16000}}) {
            int from = rates[0];
            int to = rates[1];
            float[] out = Resampler.resample(input, from, to);
            assertEquals((long) input.length * to / from, out.length);
            double cut = Resampler.CUTOFF * Math.min(1.0, to / (double) from);
            double halfWidth = Resampler.ZERO_CROSSINGS / cut;
            for (int n = 0; n < out.length; n += 7) {
                double position = (double) n * from / to;
                double sum = 0;
                for (int k = Math.max(0, (int) Math.ceil(position - halfWidth));
                     k <= Math.min(input.length - 1, (int) Math.floor(position + halfWidth)); k++) {
                    sum += input[k] * Resampler.weight(position - k, cut, halfWidth);
                }
                assertEquals(sum, out[n], 1e-5, from + " -> " + to + " at " + n);
            }
        }
    }
}
