package io.rnnsuite.charlm.data;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.CharVocabulary;

/**
 * A corpus split contiguously into training, validation and test parts (in that order, so no
 * test text sits between training sequences), encoded with a vocabulary built from the training
 * part only. The held-out parts are kept as text too, so a saved model's own vocabulary can
 * encode them ({@link #heldOutWith}).
 *
 * @param text           where the text came from, its kind and SHA-256
 * @param vocabulary     characters of the training part (rare ones are UNK)
 * @param train          the training part as indices
 * @param validation     the validation part
 * @param test           the test part
 * @param validationText the validation part as text
 * @param testText       the test part as text
 */
public record PreparedCorpus(CorpusText text, CharVocabulary vocabulary, int[] train, int[] validation, int[] test,
                             String validationText, String testText) {

    /** The name of the corpus or file. */
    public String source() {
        return text.source();
    }

    public String sha256() {
        return text.sha256();
    }

    /** Splits and encodes {@code corpus} with a new vocabulary. */
    public static PreparedCorpus prepare(CorpusText corpus, CharLmConfig config) {
        String[] parts = split(corpus, config);
        CharVocabulary vocabulary = CharVocabulary.build(parts[0], config.minCharCount());
        return new PreparedCorpus(corpus, vocabulary, vocabulary.encode(parts[0]), vocabulary.encode(parts[1]),
                vocabulary.encode(parts[2]), parts[1], parts[2]);
    }

    /**
     * The validation and test parts encoded with {@code other} (a saved model's vocabulary): the
     * same arrays when it is this corpus's vocabulary.
     */
    public int[][] heldOutWith(CharVocabulary other) {
        if (other.equals(vocabulary)) {
            return new int[][] {validation, test};
        }
        return new int[][] {other.encode(validationText), other.encode(testText)};
    }

    private static String[] split(CorpusText corpus, CharLmConfig config) {
        int[] codePoints = corpus.text().codePoints().toArray();
        int n = codePoints.length;
        int validation = (int) Math.floor(n * config.validationFraction());
        int test = (int) Math.floor(n * config.testFraction());
        int train = n - validation - test;
        int needed = (int) Math.ceil((config.sequenceLength() + 1) / (1 - config.validationFraction() - config.testFraction()));
        if (train < config.sequenceLength() + 1 || validation < 2 || test < 2) {
            throw new UserInputException("corpus " + corpus.source() + " has " + n + " characters: too short for one "
                    + "training sequence of --sequence-length " + config.sequenceLength() + " (+1) in its training part "
                    + "plus validation and test parts; it needs at least " + Math.max(needed, 2 + (int) Math.ceil(2 / config.testFraction()))
                    + " characters (or use a shorter --sequence-length)");
        }
        return new String[] {
                new String(codePoints, 0, train),
                new String(codePoints, train, validation),
                new String(codePoints, train + validation, test)};
    }
}
