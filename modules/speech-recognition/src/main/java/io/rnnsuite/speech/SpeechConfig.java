package io.rnnsuite.speech;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.speech.data.SpeechSource;
import io.rnnsuite.speech.features.FeatureConfig;

/**
 * Everything that decides a speech run, the data included; saved as {@code app-config.json}.
 *
 * @param source     where the utterances come from (default the generated {@code spoken-digits})
 * @param ctc        train a CTC output over the frames (connected digits) instead of one class per
 *                   utterance; required for, and only for, connected speech
 * @param features   the front end (default 13 MFCCs + deltas + delta-deltas, 25 ms / 10 ms)
 * @param maxSeconds longest accepted recording (default 10 s); longer files are refused
 * @param beamWidth  CTC decoding: 1 = greedy (best path, default), more = prefix beam search
 * @param baselineSeconds training budget of the non-recurrent CTC baseline (connected speech; default
 *                   120 s; 0 = none: it then stops by the epochs and patience of {@code training}, like the models)
 * @param recurrent  cell, width, depth, direction (default one LSTM of 64)
 * @param training   epochs, batch, learning rate, patience, clipping, seed (default 30 epochs, batch
 *                   16, Adam 0.005, patience 5, clip 1.0, seed 42)
 */
public record SpeechConfig(SpeechSource source, boolean ctc, FeatureConfig features, double maxSeconds, int beamWidth,
                           double baselineSeconds, RecurrentSpec recurrent, TrainingConfig training) {

    public static final int DEFAULT_HIDDEN = 64;
    public static final double DEFAULT_MAX_SECONDS = 10;
    public static final double DEFAULT_BASELINE_SECONDS = 120;

    public SpeechConfig {
        if (source == null || features == null || recurrent == null || training == null) {
            throw new IllegalArgumentException("source, features, recurrent and training are required");
        }
        if (source.connected() && !ctc) {
            throw new UserInputException(source.describe() + " is connected speech (digit strings): add --ctc");
        }
        if (!source.connected() && ctc) {
            throw new UserInputException("--ctc needs connected speech: --dataset " + SpeechSource.DIGIT_STRINGS
                    + " or --transcripts FILE");
        }
        if (!(maxSeconds > 0)) {
            throw new UserInputException("--max-seconds must be positive, got " + maxSeconds);
        }
        if (!(baselineSeconds >= 0) || Double.isInfinite(baselineSeconds)) {
            throw new UserInputException("--baseline-budget must be 0 (none) or positive, got " + baselineSeconds + " s");
        }
        if (beamWidth < 1) {
            throw new UserInputException("--beam must be at least 1 (1 = greedy), got " + beamWidth);
        }
    }

    /** The defaults on {@code source} (CTC exactly when it is connected speech). */
    public static SpeechConfig defaults(SpeechSource source) {
        TrainingConfig base = TrainingConfig.defaults();
        return new SpeechConfig(source, source.connected(), FeatureConfig.defaults(), DEFAULT_MAX_SECONDS, 1,
                DEFAULT_BASELINE_SECONDS, new RecurrentSpec(CellType.LSTM, DEFAULT_HIDDEN, 1, false, 0.0),
                new TrainingConfig(30, 16, base.learningRate(), 5, base.clipNorm(), base.seed(), 0, 0));
    }

    public SpeechConfig with(RecurrentSpec spec, TrainingConfig newTraining) {
        return new SpeechConfig(source, ctc, features, maxSeconds, beamWidth, baselineSeconds, spec, newTraining);
    }

    public SpeechConfig withSource(SpeechSource newSource) {
        return new SpeechConfig(newSource, newSource.connected(), features, maxSeconds, beamWidth, baselineSeconds, recurrent,
                training);
    }
}
