package io.rnnsuite.charlm;

import io.rnnsuite.common.app.AppConfig;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.TrainingConfig;

/**
 * Everything a character language model run needs: the text, the recurrent part, the sequence
 * and truncated-BPTT lengths, the split and the training settings. Saved as {@code app-config.json}.
 *
 * @param corpus             bundled corpus: {@code europarl-en} (default) or {@code java-source};
 *                           ignored when {@code textFile} is set
 * @param textFile           the user's UTF-8 text file (absolute path), or {@code null} for the bundled corpus
 * @param recurrentSpec      recurrent cell, width, depth, dropout, implementation (default 2-layer
 *                           LSTM(128)); never bidirectional: a language model must not see the characters it predicts
 * @param sequenceLength     characters per training sequence (default 100)
 * @param tbpttLength        truncated-BPTT window, forward and backward (default 50); must not
 *                           exceed the sequence length, where DL4J would silently skip updates
 * @param minCharCount       characters seen fewer times in the training split become UNK (default 2)
 * @param validationFraction share of the text, after the training part, for validation (default 0.05)
 * @param testFraction       share at the end of the text for the final test (default 0.05)
 * @param training           optimiser settings ({@link TrainingConfig#defaults()})
 */
public record CharLmConfig(String corpus, String textFile, RecurrentSpec recurrentSpec, int sequenceLength,
                           int tbpttLength, int minCharCount, double validationFraction, double testFraction,
                           TrainingConfig training) implements AppConfig<CharLmConfig> {

    /** The bundled corpus used when no text file is given. */
    public static final String DEFAULT_CORPUS = "europarl-en";

    public CharLmConfig {
        if (recurrentSpec == null) {
            throw new UserInputException("a recurrent spec is required");
        }
        if (training == null) {
            training = TrainingConfig.defaults();
        }
        if (corpus == null || corpus.isBlank()) {
            corpus = DEFAULT_CORPUS;
        }
        if (sequenceLength < 2) {
            throw new UserInputException("--sequence-length must be at least 2, got " + sequenceLength);
        }
        if (tbpttLength < 1) {
            throw new UserInputException("--tbptt must be at least 1, got " + tbpttLength);
        }
        if (tbpttLength > sequenceLength) {
            throw new UserInputException("--tbptt " + tbpttLength + " is longer than --sequence-length " + sequenceLength
                    + ": DL4J would silently skip every update; use a window no longer than the sequence");
        }
        if (minCharCount < 1) {
            throw new UserInputException("--min-char-count must be at least 1, got " + minCharCount);
        }
        if (!(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 0.5)) {
            throw new UserInputException("--validation and --test fractions must be positive and sum to less than 0.5, got "
                    + validationFraction + " and " + testFraction);
        }
    }

    /** The documented defaults: europarl-en, 2-layer LSTM(128), sequences of 100, tBPTT 50, 90/5/5 split. */
    public static CharLmConfig defaults() {
        return new CharLmConfig(DEFAULT_CORPUS, null, new RecurrentSpec(CellType.LSTM, 128, 2, false, 0.0), 100, 50, 2,
                0.05, 0.05, TrainingConfig.defaults());
    }

    /** The same with another recurrent part and training settings. */
    public CharLmConfig with(RecurrentSpec spec, TrainingConfig newTraining) {
        return new CharLmConfig(corpus, textFile, spec, sequenceLength, tbpttLength, minCharCount, validationFraction,
                testFraction, newTraining);
    }

    /** The same text and model with another width, sequence length and tBPTT window. */
    public CharLmConfig withSizes(int hidden, int newSequenceLength, int newTbptt) {
        RecurrentSpec s = recurrentSpec;
        return new CharLmConfig(corpus, textFile, new RecurrentSpec(s.cell(), hidden, s.layers(), s.bidirectional(),
                s.dropout(), s.impl()), newSequenceLength, newTbptt, minCharCount, validationFraction, testFraction, training);
    }

    /** The same settings on the user's text file. */
    public CharLmConfig withTextFile(String file) {
        return new CharLmConfig(corpus, file, recurrentSpec, sequenceLength, tbpttLength, minCharCount, validationFraction,
                testFraction, training);
    }

    @Override
    public RecurrentSpec recurrent() {
        return recurrentSpec;
    }
}
