package io.rnnsuite.speech.model;

import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.speech.ctc.ErrorRates;
import io.rnnsuite.speech.data.SpeechData;
import io.rnnsuite.speech.data.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The test score by length, for the compare page's by-length plot, over every test utterance
 * (clean and noisy alike, as the headline score): connected digits give the word error rate by the
 * number of digits in the string (one bucket per count, 1 … 7, longer strings of the user's
 * transcripts together after them); isolated words give the accuracy by utterance duration as
 * the front end sees it (frames × hop), in buckets with fixed edges (≤0.5 s, 0.5–0.6 s, …,
 * &gt;0.9 s) so that the buckets of different seeds line up. Empty buckets are left out.
 */
public final class SpeechByLength {

    /** What the connected-digit buckets measure. */
    public static final String DIGITS_AXIS = "digits in the string";
    /** What the isolated-word buckets measure. */
    public static final String DURATION_AXIS = "utterance duration (s)";
    /** Strings of more digits than this share the last bucket. */
    static final int LONGEST_DIGIT_BUCKET = 7;
    /** Inclusive upper edges, seconds, of the closed duration buckets; longer words fall in the open bucket after the last. */
    static final double[] DURATION_EDGES = {0.5, 0.6, 0.7, 0.8, 0.9};

    private SpeechByLength() {
    }

    /**
     * Recognises the test split with {@code recognizer} and scores it bucket by bucket.
     *
     * @param hopMs the front end's frame step, to turn frames into seconds
     */
    public static LengthBreakdown of(Recognizer recognizer, SpeechData data, double hopMs) {
        List<Utterance> test = data.test();
        return of(test, recognizer.recognise(test), data.connected(), hopMs);
    }

    /** The breakdown of already recognised utterances ({@code hypotheses} in the order of {@code test}). */
    public static LengthBreakdown of(List<Utterance> test, List<String> hypotheses, boolean connected, double hopMs) {
        if (test.size() != hypotheses.size()) {
            throw new IllegalArgumentException(test.size() + " utterances but " + hypotheses.size() + " hypotheses");
        }
        return connected ? werByDigits(test, hypotheses) : accuracyByDuration(test, hypotheses, hopMs);
    }

    private static LengthBreakdown werByDigits(List<Utterance> test, List<String> hypotheses) {
        ErrorRates.Tally[] tallies = new ErrorRates.Tally[LONGEST_DIGIT_BUCKET + 1];
        long[] digits = new long[tallies.length];
        for (int i = 0; i < test.size(); i++) {
            int n = ErrorRates.words(test.get(i).text()).size();
            int b = Math.min(n, LONGEST_DIGIT_BUCKET + 1) - 1;
            if (tallies[b] == null) {
                tallies[b] = new ErrorRates.Tally();
            }
            tallies[b].add(test.get(i).text(), hypotheses.get(i));
            digits[b] += n;
        }
        List<LengthBreakdown.Bucket> out = new ArrayList<>();
        for (int b = 0; b < tallies.length; b++) {
            if (tallies[b] != null) {
                int count = (int) tallies[b].utterances();
                String label = b == LONGEST_DIGIT_BUCKET ? ">" + LONGEST_DIGIT_BUCKET : String.valueOf(b + 1);
                out.add(new LengthBreakdown.Bucket(label, digits[b] / (double) count, count, tallies[b].wer()));
            }
        }
        return new LengthBreakdown(DIGITS_AXIS, "wer", true, out);
    }

    private static LengthBreakdown accuracyByDuration(List<Utterance> test, List<String> hypotheses, double hopMs) {
        int buckets = DURATION_EDGES.length + 1;
        int[] count = new int[buckets];
        int[] right = new int[buckets];
        double[] seconds = new double[buckets];
        for (int i = 0; i < test.size(); i++) {
            double s = test.get(i).frames() * hopMs / 1000;
            int b = durationBucket(s);
            count[b]++;
            seconds[b] += s;
            right[b] += test.get(i).text().equals(hypotheses.get(i)) ? 1 : 0;
        }
        List<LengthBreakdown.Bucket> out = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (count[b] > 0) {
                out.add(new LengthBreakdown.Bucket(durationLabel(b), seconds[b] / count[b], count[b],
                        right[b] / (double) count[b]));
            }
        }
        return new LengthBreakdown(DURATION_AXIS, "accuracy", false, out);
    }

    /** The bucket of an utterance of {@code seconds}. */
    static int durationBucket(double seconds) {
        for (int b = 0; b < DURATION_EDGES.length; b++) {
            if (seconds <= DURATION_EDGES[b] + 1e-9) {
                return b;
            }
        }
        return DURATION_EDGES.length;
    }

    /** {@code ≤0.5}, {@code 0.5–0.6}, …, {@code >0.9}. */
    static String durationLabel(int bucket) {
        if (bucket == 0) {
            return String.format(Locale.ROOT, "≤%.1f", DURATION_EDGES[0]);
        }
        if (bucket == DURATION_EDGES.length) {
            return String.format(Locale.ROOT, ">%.1f", DURATION_EDGES[bucket - 1]);
        }
        return String.format(Locale.ROOT, "%.1f–%.1f", DURATION_EDGES[bucket - 1], DURATION_EDGES[bucket]);
    }
}
