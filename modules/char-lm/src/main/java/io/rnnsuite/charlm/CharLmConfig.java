package io.rnnsuite.charlm;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;

/**
 * Everything that decides a character language model and its data, apart from the optimiser
 * settings (those are common's {@link io.rnnsuite.common.train.TrainingConfig}).
 *
 * @param cell               recurrent cell (default LSTM)
 * @param hiddenSize         units per recurrent layer (default 128)
 * @param layers             stacked recurrent layers (default 2)
 * @param dropout            dropout on the inputs of the 2nd and later recurrent layers (default 0)
 * @param sequenceLength     characters per training sequence (default 100)
 * @param tbpttLength        truncated-BPTT window, forward and backward (default 50); must not
 *                           exceed the sequence length, where DL4J would silently skip updates
 * @param minCharCount       characters seen fewer times in the training split become UNK (default 2)
 * @param validationFraction share of the text, after the training part, for validation (default 0.05)
 * @param testFraction       share at the end of the text for the final test (default 0.05)
 */
public record CharLmConfig(CellType cell, int hiddenSize, int layers, double dropout, int sequenceLength,
                           int tbpttLength, int minCharCount, double validationFraction, double testFraction) {

    public CharLmConfig {
        if (cell == null) {
            throw new UserInputException("a cell type is required");
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
        new RecurrentSpec(cell, hiddenSize, layers, false, dropout); // validates the recurrent part
    }

    /** The documented defaults: 2-layer LSTM(128), sequences of 100, tBPTT 50, 90/5/5 split. */
    public static CharLmConfig defaults() {
        return new CharLmConfig(CellType.LSTM, 128, 2, 0.0, 100, 50, 2, 0.05, 0.05);
    }

    /** The recurrent part for {@link io.rnnsuite.common.RecurrentLayerFactory} (never bidirectional: it would see the future). */
    public RecurrentSpec recurrentSpec() {
        return new RecurrentSpec(cell, hiddenSize, layers, false, dropout);
    }

    public CharLmConfig withCell(CellType newCell, int newLayers) {
        return new CharLmConfig(newCell, hiddenSize, newLayers, dropout, sequenceLength, tbpttLength, minCharCount,
                validationFraction, testFraction);
    }

    public CharLmConfig withSizes(int newHidden, int newSequenceLength, int newTbptt) {
        return new CharLmConfig(cell, newHidden, layers, dropout, newSequenceLength, newTbptt, minCharCount,
                validationFraction, testFraction);
    }
}
