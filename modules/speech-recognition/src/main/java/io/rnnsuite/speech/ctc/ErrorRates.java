package io.rnnsuite.speech.ctc;

import java.util.List;

/** Word and character error rates: edit distance (substitutions + deletions + insertions) over the reference length. */
public final class ErrorRates {

    private ErrorRates() {
    }

    /** Levenshtein distance between two token sequences. */
    public static <T> int editDistance(List<T> reference, List<T> hypothesis) {
        int[] previous = new int[hypothesis.size() + 1];
        int[] current = new int[hypothesis.size() + 1];
        for (int j = 0; j <= hypothesis.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int substitution = previous[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[hypothesis.size()];
    }

    /** Words of a transcript (split on spaces). */
    public static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /** Characters of a transcript, spaces included between words. */
    public static List<Character> characters(String text) {
        return String.join(" ", words(text)).chars().mapToObj(c -> (char) c).toList();
    }

    /**
     * Accumulates errors over many utterances: the rates are total edits over total reference
     * length (not a mean of per-utterance rates), as usual.
     */
    public static final class Tally {
        private long wordErrors;
        private long words;
        private long charErrors;
        private long chars;
        private long utterances;
        private long exact;

        public void add(String reference, String hypothesis) {
            int w = editDistance(words(reference), words(hypothesis));
            wordErrors += w;
            words += words(reference).size();
            charErrors += editDistance(characters(reference), characters(hypothesis));
            chars += characters(reference).size();
            utterances++;
            exact += w == 0 ? 1 : 0;
        }

        public double wer() {
            return words == 0 ? 0 : wordErrors / (double) words;
        }

        public double cer() {
            return chars == 0 ? 0 : charErrors / (double) chars;
        }

        /** Share of utterances recognised without a single word error. */
        public double sentenceAccuracy() {
            return utterances == 0 ? 0 : exact / (double) utterances;
        }

        public long utterances() {
            return utterances;
        }
    }
}
