package io.rnnsuite.datasets;

/**
 * One translation example: a sentence and its translation.
 *
 * @param source the sentence to translate
 * @param target its translation
 */
public record SentencePair(String source, String target) {

    /** The same pair read the other way (target → source). */
    public SentencePair reversed() {
        return new SentencePair(target, source);
    }
}
