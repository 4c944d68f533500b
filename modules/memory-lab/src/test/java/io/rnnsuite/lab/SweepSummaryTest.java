package io.rnnsuite.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepSummaryTest {

    private static SweepRow row(String cell, int length, Integer steps) {
        return new SweepRow("adding", cell, length, 1.0 / 6, 0.167, 0.01, 1.0 / 60, steps, 100, 1.0, "time_budget");
    }

    @Test
    void horizonIsTheLongestUnbrokenRunOfSolvedLengths() {
        List<SweepRow> rows = List.of(row("simple_rnn", 10, 100), row("lstm", 10, 50),
                row("simple_rnn", 25, 400), row("lstm", 25, 75),
                row("simple_rnn", 50, null), row("lstm", 50, 300),
                row("simple_rnn", 100, 900), row("lstm", 100, 800));
        Map<String, SweepSummary.Horizon> horizons = SweepSummary.horizons(rows);
        assertEquals(new SweepSummary.Horizon("simple_rnn", 25, 50, 100), horizons.get("simple_rnn"));
        assertEquals(new SweepSummary.Horizon("lstm", 100, 0, 100), horizons.get("lstm"));
        assertEquals("simple_rnn solved T ≤ 25 and stopped learning at T = 50; lstm solved every length up to T = 100 "
                + "(same budget for every run: 60 s of training, ended early once clearly solved).", SweepSummary.headline(rows, 60));
    }

    @Test
    void failingTheShortestLengthSaysSo() {
        assertEquals("simple_rnn solved none (failed from the shortest, T = 10)",
                SweepSummary.horizons(List.of(row("simple_rnn", 10, null), row("simple_rnn", 50, 10)))
                        .get("simple_rnn").describe());
    }
}
