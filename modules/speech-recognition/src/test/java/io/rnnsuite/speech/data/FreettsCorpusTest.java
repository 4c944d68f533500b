package io.rnnsuite.speech.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.NoiseMixer;
import io.rnnsuite.speech.features.FeatureConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FreeTTS fallback: audible 16 kHz words, pseudo-speakers that differ as asked, deterministic, speaker-independent. */
class FreettsCorpusTest {

    private static final PseudoSpeaker PLAIN = new PseudoSpeaker(100, 110, 10, 100, 0);

    @Test
    void everyWordIsAudibleSixteenKilohertzSpeech() {
        for (String word : SpeechSource.SPOKEN_WORDS) {
            Audio audio = FreettsGenerator.speak(word, PLAIN);
            assertEquals(16_000, audio.sampleRate(), word);
            assertTrue(audio.seconds() > 0.2 && audio.seconds() < 1.5, word + ": " + audio.seconds() + " s");
            assertEquals(FreettsGenerator.PEAK, audio.peak(), 1e-3, word);
            double rms = Math.sqrt(NoiseMixer.power(audio.samples()));
            assertTrue(rms > 0.03, word + " is speech, not near-silence: rms " + rms);
        }
        assertTrue(FreettsGenerator.loadSeconds() > 0, "the voice was loaded once");
    }

    @Test
    void pseudoSpeakersDifferInPitchFormantsAndTempoAsAsked() {
        Audio low = FreettsGenerator.speak("zero", new PseudoSpeaker(100, 85, 6, 100, 0));
        Audio high = FreettsGenerator.speak("zero", new PseudoSpeaker(100, 170, 6, 100, 0));
        double f0Low = medianPitch(low);
        double f0High = medianPitch(high);
        assertEquals(85, f0Low, 85 * 0.2, "asked for 85 Hz");
        assertEquals(170, f0High, 170 * 0.2, "asked for 170 Hz");

        // the same pitch asked for after formant scaling x0.85 and x1.15: the pitch survives, the spectrum moves
        Audio longTract = FreettsGenerator.speak("seven", new PseudoSpeaker(85, 120, 6, 100, 0));
        Audio shortTract = FreettsGenerator.speak("seven", new PseudoSpeaker(115, 120, 6, 100, 0));
        assertEquals(120, medianPitch(longTract), 120 * 0.2, "pitch allowed for under formant scale 0.85");
        assertEquals(120, medianPitch(shortTract), 120 * 0.2, "pitch allowed for under formant scale 1.15");
        assertTrue(brightness(shortTract) > 1.1 * brightness(longTract),
                "higher formants: " + brightness(shortTract) + " vs " + brightness(longTract));
        assertEquals(1, shortTract.seconds() / longTract.seconds(), 0.15, "durations allowed for under formant scaling");

        Audio slow = FreettsGenerator.speak("seven", new PseudoSpeaker(100, 120, 6, 120, 0));
        Audio fast = FreettsGenerator.speak("seven", new PseudoSpeaker(100, 120, 6, 85, 0));
        assertEquals(120.0 / 85, slow.seconds() / fast.seconds(), 0.25, slow.seconds() + " s vs " + fast.seconds() + " s");
        Audio bright = FreettsGenerator.speak("seven", new PseudoSpeaker(100, 120, 6, 100, 30));
        Audio dark = FreettsGenerator.speak("seven", new PseudoSpeaker(100, 120, 6, 100, -30));
        assertTrue(brightness(bright) > brightness(dark), "spectral tilt");
    }

    @Test
    void manyDistinctTrainingSpeakersAndTestFormantsNeverInTraining() {
        SpeechSource defaults = SpeechSource.generated(SpeechSource.SPOKEN_DIGITS);
        GeneratedSpeech.Plan plan = new GeneratedSpeech.Plan(defaults.dataset(), SpeechSource.SPOKEN_WORDS,
                defaults.trainVoices(), defaults.validationVoices(), defaults.testVoices(), 1, 7, 42);
        List<List<PseudoSpeaker>> voices = FreettsGenerator.voices(plan);
        assertTrue(voices.get(0).size() >= 20, "at least 20 training pseudo-speakers");
        Set<PseudoSpeaker> all = new HashSet<>();
        voices.forEach(all::addAll);
        assertEquals(voices.stream().mapToInt(List::size).sum(), all.size(), "every pseudo-speaker distinct");
        Set<Integer> trainFormants = new HashSet<>();
        voices.get(0).forEach(v -> trainFormants.add(v.formantPercent()));
        voices.get(1).forEach(v -> trainFormants.add(v.formantPercent()));
        assertTrue(trainFormants.size() >= 5, "training spans formant scales " + trainFormants);
        for (PseudoSpeaker v : voices.get(2)) {
            assertFalse(trainFormants.contains(v.formantPercent()), v + " shares a formant scale with training");
        }
        assertEquals(voices, FreettsGenerator.voices(plan), "the same pseudo-speakers for the same seed");
    }

    @Test
    void generationIsDeterministicCachedApartAndSplitsBySpeaker(@TempDir Path dir) {
        SpeechSource tiny = SpeechSource.generated(SpeechSource.DIGIT_STRINGS).withVoices(2, 1, 1, 3).withTts(TtsEngine.FREETTS);
        SpeechData a = SpeechCorpus.load(tiny.withDataDir(dir.resolve("a")), FeatureConfig.defaults(), 10, 5);
        SpeechData b = SpeechCorpus.load(tiny.withDataDir(dir.resolve("b")), FeatureConfig.defaults(), 10, 5);
        assertEquals(a.sha256(), b.sha256(), "same seed, same bytes");
        SpeechData c = SpeechCorpus.load(tiny.withDataDir(dir.resolve("a")), FeatureConfig.defaults(), 10, 6);
        assertFalse(a.sha256().equals(c.sha256()), "another seed, other pseudo-speakers and strings");
        assertEquals(2 * 3 * 2, a.train().size(), "2 pseudo-speakers x 3 strings, clean + 1 noisy copy");
        assertEquals(3 * 4, a.test().size(), "1 pseudo-speaker x 3 strings, clean + 3 SNRs");
        assertEquals("freetts", a.details().get("tts"));
        assertEquals(FreettsGenerator.VERSION, a.details().get("generator"));
        assertTrue(String.valueOf(a.details().get("perturbations")).contains("vocal-tract length"), a.details().toString());
        Path cache = Path.of(String.valueOf(a.details().get("cache")));
        assertTrue(cache.getFileName().toString().startsWith("digit-strings-freetts-"), cache.toString());
        if (EspeakGenerator.version().isPresent()) {
            SpeechData espeak = SpeechCorpus.load(tiny.withTts(TtsEngine.ESPEAK).withDataDir(dir.resolve("a")),
                    FeatureConfig.defaults(), 10, 5);
            Path other = Path.of(String.valueOf(espeak.details().get("cache")));
            assertEquals(cache.getParent(), other.getParent(), "one cache root");
            assertFalse(other.getFileName().toString().contains("freetts"), other.toString());
            assertFalse(espeak.sha256().equals(a.sha256()), "espeak-ng's data is not FreeTTS's");
            assertEquals(3, Arrays.stream(cache.getParent().toFile().list()).filter(n -> !n.startsWith(".")).count(),
                    "two FreeTTS sets (seeds 5, 6) and one espeak-ng set, apart");
        }
        Set<String> trainVoices = new HashSet<>();
        a.train().forEach(u -> trainVoices.add(u.voice()));
        a.test().forEach(u -> assertFalse(trainVoices.contains(u.voice()), u.voice()));
        a.train().forEach(u -> assertTrue(u.voice().startsWith(FreettsGenerator.VOICE + " formants x"), u.voice()));
    }

    @Test
    void theEngineIsChosenByNameAndAutoFallsBackToFreetts() {
        assertEquals(TtsEngine.ESPEAK, TtsEngine.parse("espeak"));
        assertEquals(TtsEngine.ESPEAK, TtsEngine.parse("espeak-ng"));
        assertEquals(TtsEngine.FREETTS, TtsEngine.parse(" FreeTTS "));
        assertEquals(TtsEngine.AUTO, TtsEngine.parse("auto"));
        UserInputException bad = assertThrows(UserInputException.class, () -> TtsEngine.parse("festival"));
        assertEquals("--tts festival: expected espeak, freetts or auto", bad.getMessage());
        boolean espeak = EspeakGenerator.version().isPresent();
        assertEquals(espeak ? TtsEngine.ESPEAK : TtsEngine.FREETTS, TtsEngine.AUTO.resolve("spoken-digits"));
        assertEquals(TtsEngine.FREETTS, TtsEngine.FREETTS.resolve("spoken-digits"));
        if (espeak) {
            assertEquals(TtsEngine.ESPEAK, TtsEngine.ESPEAK.resolve("spoken-digits"));
        } else {
            UserInputException missing = assertThrows(UserInputException.class, () -> TtsEngine.ESPEAK.resolve("spoken-digits"));
            assertTrue(missing.getMessage().contains("--tts auto or --tts freetts"), missing.getMessage());
        }
        assertEquals(TtsEngine.AUTO, SpeechSource.generated(SpeechSource.SPOKEN_DIGITS).tts(), "auto by default");
    }

    /** Median fundamental frequency over the loud frames (normalised autocorrelation, 60–400 Hz). */
    static double medianPitch(Audio audio) {
        float[] s = audio.samples();
        int frame = 640;
        int minLag = 16000 / 400;
        int maxLag = 16000 / 60;
        double loudest = 0;
        for (int start = 0; start + frame + maxLag < s.length; start += 160) {
            loudest = Math.max(loudest, energy(s, start, frame));
        }
        List<Double> pitches = new java.util.ArrayList<>();
        for (int start = 0; start + frame + maxLag < s.length; start += 160) {
            double e = energy(s, start, frame);
            if (e < 0.3 * loudest) {
                continue;
            }
            double[] r = new double[maxLag + 2];
            double best = 0;
            for (int lag = minLag; lag <= maxLag + 1; lag++) {
                double xy = 0;
                double yy = 0;
                for (int i = start; i < start + frame; i++) {
                    xy += s[i] * (double) s[i + lag];
                    yy += s[i + lag] * (double) s[i + lag];
                }
                r[lag] = xy / Math.sqrt(e * yy + 1e-12);
                best = lag <= maxLag ? Math.max(best, r[lag]) : best;
            }
            // the shortest lag that is a local peak nearly as high as the best: the period, not a multiple of it
            int bestLag = -1;
            for (int lag = minLag + 1; lag <= maxLag && best > 0.5 && bestLag < 0; lag++) {
                if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                    bestLag = lag;
                }
            }
            if (bestLag > 0) {
                pitches.add(16000.0 / bestLag);
            }
        }
        assertTrue(pitches.size() >= 3, "voiced frames: " + pitches.size());
        java.util.Collections.sort(pitches);
        return pitches.get(pitches.size() / 2);
    }

    private static double energy(float[] s, int start, int length) {
        double e = 0;
        for (int i = start; i < start + length; i++) {
            e += s[i] * (double) s[i];
        }
        return e;
    }

    /** Mean squared first difference over mean square: grows with the spectrum's mean squared frequency. */
    static double brightness(Audio audio) {
        float[] s = audio.samples();
        double diff = 0;
        for (int i = 1; i < s.length; i++) {
            diff += (s[i] - s[i - 1]) * (double) (s[i] - s[i - 1]);
        }
        return diff / (NoiseMixer.power(s) * s.length);
    }
}
