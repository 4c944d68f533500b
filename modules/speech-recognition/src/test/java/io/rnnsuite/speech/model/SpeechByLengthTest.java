package io.rnnsuite.speech.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.speech.data.Utterance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WER by digits for strings, accuracy by duration for words, fixed buckets, empty ones left out. */
class SpeechByLengthTest {

    private static Utterance utterance(String text, int frames) {
        return new Utterance(text, new float[frames][1], -1, new int[0], text, "v", "clean");
    }

    @Test
    void digitStringsGiveTheWordErrorRateByTheNumberOfDigits() {
        List<Utterance> test = List.of(utterance("one", 50), utterance("two", 50), utterance("one two three", 120),
                utterance("one two three four five six seven eight nine", 300));
        List<String> heard = List.of("one", "three", "one two", "one two three four five six seven eight nine");
        LengthBreakdown b = SpeechByLength.of(test, heard, true, 10);
        assertEquals(SpeechByLength.DIGITS_AXIS, b.axis());
        assertEquals("wer", b.metric());
        assertTrue(b.lowerIsBetter());
        assertEquals(List.of("1", "3", ">7"), b.buckets().stream().map(LengthBreakdown.Bucket::label).toList());
        assertEquals(0.5, b.buckets().get(0).value(), 1e-12, "one of two single digits wrong");
        assertEquals(2, b.buckets().get(0).count());
        assertEquals(1 / 3.0, b.buckets().get(1).value(), 1e-12, "one deletion in three words");
        assertEquals(9, b.buckets().get(2).x(), 1e-12, "the open bucket sits at its strings' mean length");
        assertEquals(0, b.buckets().get(2).value(), 1e-12);
    }

    @Test
    void isolatedWordsGiveTheAccuracyByDurationInFixedBuckets() {
        List<Utterance> test = List.of(utterance("yes", 45), utterance("no", 50), utterance("go", 55), utterance("stop", 62),
                utterance("seven", 95));
        List<String> heard = List.of("yes", "go", "go", "stop", "six");
        LengthBreakdown b = SpeechByLength.of(test, heard, false, 10);
        assertEquals(SpeechByLength.DURATION_AXIS, b.axis());
        assertEquals("accuracy", b.metric());
        assertFalse(b.lowerIsBetter());
        assertEquals(List.of("≤0.5", "0.5–0.6", "0.6–0.7", ">0.9"), b.buckets().stream().map(LengthBreakdown.Bucket::label).toList(),
                "0.50 s exactly is in the first bucket; empty buckets are left out");
        assertEquals(List.of(0.5, 1.0, 1.0, 0.0), b.buckets().stream().map(LengthBreakdown.Bucket::value).toList());
        assertEquals(0.475, b.buckets().get(0).x(), 1e-12);
    }
}
