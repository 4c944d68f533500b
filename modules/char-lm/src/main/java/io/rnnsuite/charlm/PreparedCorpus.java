package io.rnnsuite.charlm;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.CharVocabulary;

/**
 * A corpus split contiguously into training, validation and test parts (in that order, so no
 * test text sits between training sequences), encoded with a vocabulary built from the training
 * part only.
 *
 * @param source     where the text came from
 * @param sha256     SHA-256 of the text
 * @param vocabulary characters of the training part (rare ones are UNK)
 * @param train      the training part as indices
 * @param validation the validation part
 * @param test       the test part
 */
public record PreparedCorpus(String source, String sha256, CharVocabulary vocabulary, int[] train, int[] validation,
                             int[] test) {

    /** Splits and encodes {@code corpus} with a new vocabulary. */
    public static PreparedCorpus prepare(CorpusText corpus, CharLmConfig config) {
        String[] parts = split(corpus, config);
        CharVocabulary vocabulary = CharVocabulary.build(parts[0], config.minCharCount());
        return encode(corpus, parts, vocabulary);
    }

    /** Splits and encodes {@code corpus} with the vocabulary a saved model was trained with. */
    public static PreparedCorpus prepare(CorpusText corpus, CharLmConfig config, CharVocabulary vocabulary) {
        return encode(corpus, split(corpus, config), vocabulary);
    }

    private static PreparedCorpus encode(CorpusText corpus, String[] parts, CharVocabulary vocabulary) {
        return new PreparedCorpus(corpus.source(), corpus.sha256(), vocabulary, vocabulary.encode(parts[0]),
                vocabulary.encode(parts[1]), vocabulary.encode(parts[2]));
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
