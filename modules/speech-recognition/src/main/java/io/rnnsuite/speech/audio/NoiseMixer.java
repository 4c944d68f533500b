package io.rnnsuite.speech.audio;

import java.util.Random;

/**
 * Adds noise the project makes itself at a chosen signal-to-noise ratio: white noise, pink-like
 * noise (white through a leaky integrator mix, more energy at low frequencies) and a hum of a few
 * random low tones, picked by the seeded random source. SNR = 10 log10(signal power / noise power)
 * over the whole utterance.
 */
public final class NoiseMixer {

    private NoiseMixer() {
    }

    /** {@code audio} plus noise at {@code snrDb} dB, from {@code random} (which also chooses the kind). */
    public static Audio addNoise(Audio audio, double snrDb, Random random) {
        float[] s = audio.samples();
        double[] noise = new double[s.length];
        int kind = random.nextInt(3);
        double state = 0;
        double[] tones = {50 + 150 * random.nextDouble(), 200 + 400 * random.nextDouble(), 600 + 900 * random.nextDouble()};
        double[] phases = {random.nextDouble() * 2 * Math.PI, random.nextDouble() * 2 * Math.PI, random.nextDouble() * 2 * Math.PI};
        for (int i = 0; i < s.length; i++) {
            double white = random.nextGaussian();
            if (kind == 0) {
                noise[i] = white;
            } else if (kind == 1) {
                state = 0.97 * state + white;
                noise[i] = state + 0.5 * white;
            } else {
                double t = i / (double) audio.sampleRate();
                double hum = 0;
                for (int k = 0; k < tones.length; k++) {
                    hum += Math.sin(2 * Math.PI * tones[k] * t + phases[k]);
                }
                noise[i] = hum + 0.3 * white;
            }
        }
        double signalPower = power(s);
        double noisePower = 0;
        for (double v : noise) {
            noisePower += v * v;
        }
        noisePower /= Math.max(1, noise.length);
        double scale = noisePower == 0 ? 0 : Math.sqrt(signalPower / (noisePower * Math.pow(10, snrDb / 10)));
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, s[i] + scale * noise[i]));
        }
        return new Audio(out, audio.sampleRate());
    }

    /** Mean squared sample value. */
    public static double power(float[] samples) {
        double sum = 0;
        for (float v : samples) {
            sum += v * (double) v;
        }
        return sum / Math.max(1, samples.length);
    }
}
