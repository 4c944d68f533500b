package io.rnnsuite.speech.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.TestWavs;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The front end against numpy's reference numbers, and the physics a pure tone must obey. */
class FeatureExtractorTest {

    private static final FeatureConfig DEFAULTS = FeatureConfig.defaults();

    /** The signal scripts/reference/speech_features_reference.py defines. */
    static Audio referenceSignal() {
        float[] s = new float[8000];
        for (int n = 0; n < s.length; n++) {
            double t = n / 16000.0;
            s[n] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * t) + 0.25 * Math.sin(2 * Math.PI * 1830 * t + 0.3)
                    + 0.1 * Math.sin(2 * Math.PI * 5100 * t) * Math.cos(2 * Math.PI * 3 * t)
                    + 0.05 * Math.sin(2 * Math.PI * 97 * t * t * 40));
        }
        return new Audio(s, 16000);
    }

    @Test
    void matchesTheNumpyReference() throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("reference-features.json")) {
            ref = Json.MAPPER.readTree(in);
        }
        FeatureExtractor extractor = new FeatureExtractor(DEFAULTS);
        Audio signal = referenceSignal();
        double[][] logMel = extractor.logMel(signal);
        double[][] mfcc = extractor.mfcc(signal);
        float[][] full = extractor.features(signal);
        assertEquals(ref.path("frames").asInt(), logMel.length);
        assertEquals(39, full[0].length);
        JsonNode picked = ref.path("picked_frames");
        for (int i = 0; i < picked.size(); i++) {
            int t = picked.get(i).asInt();
            // float32 input samples against numpy's float64: agreement to ~1e-5 in the log domain
            for (int b = 0; b < 40; b++) {
                assertEquals(ref.path("log_mel").get(i).get(b).asDouble(), logMel[t][b], 2e-4, "log-mel frame " + t + " band " + b);
            }
            for (int c = 0; c < 13; c++) {
                assertEquals(ref.path("mfcc").get(i).get(c).asDouble(), mfcc[t][c], 2e-4, "mfcc frame " + t + " c" + c);
            }
            for (int d = 0; d < 39; d++) {
                assertEquals(ref.path("normalised_with_deltas").get(i).get(d).asDouble(), full[t][d], 2e-3,
                        "normalised frame " + t + " dim " + d);
            }
        }
    }

    @Test
    void aPureTonePutsItsEnergyInTheBandCentredNearIt() {
        FeatureExtractor extractor = new FeatureExtractor(DEFAULTS.withKind(FeatureConfig.Kind.LOGMEL));
        double[] centres = extractor.filterbank().centresHz();
        for (double hz : new double[] {300, 1000, 2500, 6000}) {
            double[][] logMel = extractor.logMel(new Audio(TestWavs.tone(hz, 16000, 0.3), 16000));
            double[] frame = logMel[logMel.length / 2];
            int loudest = 0;
            for (int b = 1; b < frame.length; b++) {
                if (frame[b] > frame[loudest]) {
                    loudest = b;
                }
            }
            int nearest = 0;
            for (int b = 1; b < centres.length; b++) {
                if (Math.abs(centres[b] - hz) < Math.abs(centres[nearest] - hz)) {
                    nearest = b;
                }
            }
            assertEquals(nearest, loudest, hz + " Hz: loudest band centred at " + centres[loudest]);
            assertTrue(frame[loudest] - frame[(loudest + 10) % frame.length] > 5, "energy concentrated at " + hz + " Hz");
        }
    }

    @Test
    void fftOfACosineIsTwoSpikes() {
        double[] re = new double[16];
        double[] im = new double[16];
        for (int i = 0; i < 16; i++) {
            re[i] = Math.cos(2 * Math.PI * 3 * i / 16);
        }
        Fft.transform(re, im);
        for (int k = 0; k < 16; k++) {
            double magnitude = Math.hypot(re[k], im[k]);
            assertEquals(k == 3 || k == 13 ? 8 : 0, magnitude, 1e-9, "bin " + k);
        }
    }

    @Test
    void framesAreTenMillisecondsApartAndShortClipsGiveOneFrame() {
        FeatureExtractor extractor = new FeatureExtractor(DEFAULTS);
        assertEquals(1 + (16000 - 400) / 160, extractor.features(new Audio(TestWavs.tone(500, 16000, 1.0), 16000)).length);
        assertEquals(1, extractor.features(new Audio(TestWavs.tone(500, 16000, 0.01), 16000)).length);
        float[][] resampled = extractor.features(new Audio(TestWavs.tone(500, 22050, 1.0), 22050));
        assertEquals(98, resampled.length, 1, "22.05 kHz is resampled to 16 kHz first");
    }
}
