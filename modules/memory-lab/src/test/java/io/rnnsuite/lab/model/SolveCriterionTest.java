package io.rnnsuite.lab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.train.EpochStats;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SolveCriterionTest {

    private static EpochStats epoch(int n, double validation) {
        return new EpochStats(n, validation, validation, 1.0, false);
    }

    @Test
    void firstValidationBelowTheThresholdCountsUpdates() {
        SolveCriterion criterion = SolveCriterion.fractionOfBaseline(0.1, 1.0 / 6, 25);
        assertEquals(1.0 / 60, criterion.threshold(), 1e-12);
        List<EpochStats> history = List.of(epoch(1, 0.17), epoch(2, 0.05), epoch(3, 0.016), epoch(4, 0.02), epoch(5, 0.001));
        assertEquals(OptionalInt.of(75), criterion.stepsToSolve(history));
    }

    @Test
    void neverBelowMeansNotSolved() {
        SolveCriterion criterion = new SolveCriterion(0.01, 50);
        assertEquals(OptionalInt.empty(), criterion.stepsToSolve(List.of(epoch(1, 0.5), epoch(2, 0.01))));
        assertEquals(OptionalInt.empty(), criterion.stepsToSolve(List.of()));
    }
}
