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
 * @param seed            the first random seed
 * @param seeds           how many seeds every model is trained with ({@code seed}, {@code seed + 1}, ...)
 * @param parallel        how many trainings run at the same time, each on its own thread
 *                        ({@link io.rnnsuite.common.train.ParallelRuns}); 1 = one after another
 */
public record CompareSettings(boolean quick, Variants variants, double secondsPerModel, long seed, int seeds, int parallel) {

    public CompareSettings {
        if (seeds < 1) {
            throw new io.rnnsuite.common.UserInputException("--seeds must be at least 1, got " + seeds);
        }
        if (parallel < 1) {
            throw new io.rnnsuite.common.UserInputException("--parallel must be at least 1, got " + parallel);
        }
    }

    /** One training at a time. */
    public CompareSettings(boolean quick, Variants variants, double secondsPerModel, long seed, int seeds) {
        this(quick, variants, secondsPerModel, seed, seeds, 1);
    }

    /** One seed. */
    public CompareSettings(boolean quick, Variants variants, double secondsPerModel, long seed) {
        this(quick, variants, secondsPerModel, seed, 1, 1);
    }

    /** The seeds, in order. */
    public List<Long> seedList() {
        return java.util.stream.LongStream.range(0, seeds).mapToObj(i -> seed + i).toList();
    }

    /** The same settings with another per-model budget (the run shares out what finished models left). */
    public CompareSettings withSecondsPerModel(double seconds) {
        return new CompareSettings(quick, variants, seconds, seed, seeds, parallel);
    }

    /** The same settings with {@code trainings} trainings at a time. */
    public CompareSettings withParallel(int trainings) {
        return new CompareSettings(quick, variants, secondsPerModel, seed, seeds, trainings);
    }

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
