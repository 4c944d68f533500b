package io.rnnsuite.lab.model;

import io.rnnsuite.common.train.EpochStats;
import java.util.List;
import java.util.OptionalInt;

/**
 * When a task counts as solved: the first validation whose loss falls below
 * {@code threshold}. Validation runs every {@code updatesPerCheck} minibatch updates (one trainer
 * "epoch"), so steps to solve are counted in updates and are a multiple of that interval.
 *
 * @param threshold       validation loss below which the task is solved (e.g. 0.1 × baseline)
 * @param updatesPerCheck minibatch updates between two validations
 */
public record SolveCriterion(double threshold, int updatesPerCheck) {

    public SolveCriterion {
        if (!(threshold > 0) || updatesPerCheck < 1) {
            throw new IllegalArgumentException("threshold must be positive and updatesPerCheck at least 1");
        }
    }

    /** {@code fraction × baseline}, checked every {@code updatesPerCheck} updates. */
    public static SolveCriterion fractionOfBaseline(double fraction, double baseline, int updatesPerCheck) {
        return new SolveCriterion(fraction * baseline, updatesPerCheck);
    }

    /** Updates until the first validation below the threshold; empty if it never got there. */
    public OptionalInt stepsToSolve(List<EpochStats> history) {
        for (EpochStats epoch : history) {
            if (epoch.validationLoss() < threshold) {
                return OptionalInt.of(epoch.epoch() * updatesPerCheck);
            }
        }
        return OptionalInt.empty();
    }
}
