package io.rnnsuite.speech.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rnnsuite.speech.features.FeatureConfig;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated corpora: deterministic for a seed, speaker-independent, recorded by SHA-256 (needs espeak-ng). */
class EspeakCorpusTest {

    @Test
    void defaultVoicesAreManyAndTestTimbresNeverTrain() {
        SpeechSource defaults = SpeechSource.generated(SpeechSource.SPOKEN_DIGITS);
        GeneratedSpeech.Plan plan = new GeneratedSpeech.Plan(defaults.dataset(), SpeechSource.SPOKEN_WORDS,
                defaults.trainVoices(), defaults.validationVoices(), defaults.testVoices(), 1, 7, 42);
        List<List<Voice>> voices = EspeakGenerator.voices(plan);
        assertTrue(voices.get(0).size() >= 20, "at least 20 training voices");
        assertEquals(voices.get(0).size(), new HashSet<>(voices.get(0)).size(), "distinct training voices");
        Set<String> trainVariants = new HashSet<>();
        voices.get(0).forEach(v -> trainVariants.add(v.variant()));
        voices.get(1).forEach(v -> trainVariants.add(v.variant()));
        for (Voice v : voices.get(2)) {
            assertTrue(!trainVariants.contains(v.variant()), v + " shares a timbre with training");
        }
        assertEquals(voices, EspeakGenerator.voices(plan), "the same voices for the same seed");
    }

    @Test
    void generationIsDeterministicForASeedAndFeaturisesBySplit(@TempDir Path dir) {
        assumeTrue(EspeakGenerator.version().isPresent(), "espeak-ng is not installed: generation not tested");
        SpeechSource tiny = SpeechSource.generated(SpeechSource.DIGIT_STRINGS).withVoices(2, 1, 1, 3);
        SpeechData a = SpeechCorpus.load(tiny.withDataDir(dir.resolve("a")), FeatureConfig.defaults(), 10, 5);
        SpeechData b = SpeechCorpus.load(tiny.withDataDir(dir.resolve("b")), FeatureConfig.defaults(), 10, 5);
        assertEquals(a.sha256(), b.sha256(), "same seed, same bytes");
        SpeechData c = SpeechCorpus.load(tiny.withDataDir(dir.resolve("a")), FeatureConfig.defaults(), 10, 6);
        assertTrue(!a.sha256().equals(c.sha256()), "another seed, other voices and strings");
        assertEquals(2 * 3 * 2, a.train().size(), "2 voices x 3 strings, clean + 1 noisy copy");
        assertEquals(3 * 4, a.test().size(), "1 voice x 3 strings, clean + 3 SNRs");
        assertTrue(a.connected() && a.train().get(0).targets().length >= 1);
        assertTrue(String.valueOf(a.details().get("generator")).startsWith("eSpeak NG"), a.details().toString());
        Set<String> trainVoices = new HashSet<>();
        a.train().forEach(u -> trainVoices.add(u.voice()));
        a.test().forEach(u -> assertTrue(!trainVoices.contains(u.voice()), u.voice()));
    }
}
