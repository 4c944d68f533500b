package io.rnnsuite.speech.data;

import java.util.List;
import java.util.Locale;

/** The ten digit words of connected digit strings; in CTC label space digit d is label d + 1 (0 is the blank). */
public final class DigitWords {

    public static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine");

    private DigitWords() {
    }

    /** The word's digit, accepting {@code "seven"} or {@code "7"}; -1 if it is neither. */
    public static int digit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() == 1 && Character.isDigit(w.charAt(0))) {
            return w.charAt(0) - '0';
        }
        return WORDS.indexOf(w);
    }

    /** The transcript of CTC labels (1 … 10). */
    public static String text(int[] labels) {
        StringBuilder sb = new StringBuilder();
        for (int label : labels) {
            sb.append(sb.length() == 0 ? "" : " ").append(WORDS.get(label - 1));
        }
        return sb.toString();
    }
}
