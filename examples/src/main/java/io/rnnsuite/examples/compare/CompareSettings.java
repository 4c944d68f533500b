package io.rnnsuite.examples.compare;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.TrainingConfig;
import java.time.Duration;
import java.util.List;

/**
 * What every section of a comparison shares.
 *
 * @param quick              the small version (what README's first command runs)
 * @param cells              the recurrent variants ({@code simple_rnn}, {@code lstm}, {@code bilstm})
 * @param secondsPerModel    the wall-clock training budget of each model, equal for all
 * @param seed               random seed
 */
public record CompareSettings(boolean quick, List<RecurrentSpec> cells, double secondsPerModel, long seed) {

    /** {@code base} with this comparison's seed and per-model budget. */
    public TrainingConfig budgeted(TrainingConfig base) {
        return base.withSeed(seed).withTimeBudget(Duration.ofMillis(Math.round(secondsPerModel * 1000)));
    }
}
