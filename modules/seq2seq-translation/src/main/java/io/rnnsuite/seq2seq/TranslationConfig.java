package io.rnnsuite.seq2seq;

import io.rnnsuite.common.app.AppConfig;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.TranslationCatalog;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.data.Tokenization;

/**
 * Everything that decides a translation run, the data included, with documented defaults
 * ({@link #defaults()}); saved as {@code app-config.json} in the model directory.
 *
 * @param data               where the pairs come from (default {@value TranslationCatalog#NUMBERS},
 *                           {@value #DEFAULT_PAIRS} generated pairs)
 * @param tokenization       character (default) or word tokens
 * @param maxSourceLength    most source tokens; longer inputs are rejected (default 60)
 * @param maxTargetLength    most target tokens, EOS excluded; decoding stops there (default 60)
 * @param encoder            the encoder's recurrent stack (default one LSTM of 96 units); the
 *                           decoder is one layer of the same cell, as wide as the encoder's output
 * @param attention          dot-product attention of each decoder step over all encoder outputs
 *                           (default off)
 * @param beamWidth          hypotheses kept in beam search, 1 = greedy (default 1)
 * @param lengthPenalty      beam scores are log-probability / length^lengthPenalty; 1 = mean
 *                           log-probability per token, 0 = none (default 1.0)
 * @param validationFraction share of distinct sources held out for early stopping (default 0.1)
 * @param testFraction       share held out for the test (default 0.1)
 * @param training           epochs, batch size, learning rate... (default 15 epochs, batch 32,
 *                           learning rate 0.005, patience 4; one epoch of the default numbers data
 *                           took 75–180 s on a busy 2-core machine)
 */
public record TranslationConfig(PairSource data, Tokenization tokenization, int maxSourceLength, int maxTargetLength, RecurrentSpec encoder,
                                boolean attention, int beamWidth, double lengthPenalty, double validationFraction,
                                double testFraction, TrainingConfig training) implements AppConfig<TranslationConfig> {

    /** Pairs generated for a dataset unless {@code --pairs-count} says otherwise. */
    public static final int DEFAULT_PAIRS = 3000;

    public TranslationConfig {
        if (data == null) {
            throw new UserInputException("a translation run needs a data source (--dataset or --pairs)");
        }
        if (maxSourceLength < 1 || maxTargetLength < 1) {
            throw new UserInputException("--max-length must be at least 1");
        }
        if (beamWidth < 1) {
            throw new UserInputException("--beam must be at least 1, got " + beamWidth);
        }
        if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
            throw new UserInputException("--length-penalty must be 0 or positive, got " + lengthPenalty);
        }
    }

    public static TranslationConfig defaults() {
        TrainingConfig base = TrainingConfig.defaults();
        TrainingConfig training = new TrainingConfig(15, 32, 0.005, 4, base.clipNorm(), base.seed(), 0, 0);
        return new TranslationConfig(PairSource.generated(TranslationCatalog.NUMBERS, DEFAULT_PAIRS, false),
                Tokenization.CHARACTER, 60, 60, new RecurrentSpec(CellType.LSTM, 96, 1, false, 0.0), false, 1, 1.0, 0.1, 0.1, training);
    }

    /** Width of what the encoder emits per step, and so of the decoder's hidden state. */
    public int decoderSize() {
        return encoder.outputSize();
    }

    /** Short name for tables: {@code lstm}, {@code bilstm+attention}. */
    public String label() {
        return encoder.label() + (attention ? "+attention" : "");
    }

    public TranslationConfig withEncoder(RecurrentSpec spec, boolean withAttention) {
        return new TranslationConfig(data, tokenization, maxSourceLength, maxTargetLength, spec, withAttention, beamWidth,
                lengthPenalty, validationFraction, testFraction, training);
    }

    public TranslationConfig withBeamWidth(int width) {
        return new TranslationConfig(data, tokenization, maxSourceLength, maxTargetLength, encoder, attention, width,
                lengthPenalty, validationFraction, testFraction, training);
    }

    public TranslationConfig withTraining(TrainingConfig newTraining) {
        return new TranslationConfig(data, tokenization, maxSourceLength, maxTargetLength, encoder, attention, beamWidth,
                lengthPenalty, validationFraction, testFraction, newTraining);
    }

    public TranslationConfig withData(PairSource newData) {
        return new TranslationConfig(newData, tokenization, maxSourceLength, maxTargetLength, encoder, attention, beamWidth,
                lengthPenalty, validationFraction, testFraction, training);
    }

    public TranslationConfig withMaxLengths(int source, int target) {
        return new TranslationConfig(data, tokenization, source, target, encoder, attention, beamWidth,
                lengthPenalty, validationFraction, testFraction, training);
    }

    /** The encoder's recurrent part (the decoder is a one-directional stack of the same cell and width). */
    @Override
    public RecurrentSpec recurrent() {
        return encoder;
    }

    @Override
    public TranslationConfig with(RecurrentSpec spec, TrainingConfig newTraining) {
        return withEncoder(spec, attention()).withTraining(newTraining);
    }
}
