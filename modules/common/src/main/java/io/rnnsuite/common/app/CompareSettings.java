package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.TrainingConfig;
import java.time.Duration;
import java.util.List;

/**
 * What every section of {@code rnn-suite compare} shares.
 *
 * @param quick           the small version (what README's first command runs)
 * @param variants        the recurrent variants, in order
 * @param secondsPerModel each model's wall-clock training budget, equal for all
 * @param seed            random seed
 */
public record CompareSettings(boolean quick, Variants variants, double secondsPerModel, long seed) {

    /** The variants as specs for an app whose default width is {@code defaultHidden}. */
    public List<RecurrentSpec> specs(int defaultHidden) {
        return variants.specs(defaultHidden);
    }

    /** {@code base} with this comparison's seed and per-model budget. */
    public TrainingConfig budgeted(TrainingConfig base) {
        return base.withSeed(seed).withTimeBudget(budget());
    }

    /** The per-model budget as a duration. */
    public Duration budget() {
        return Duration.ofMillis(Math.round(secondsPerModel * 1000));
    }
}
