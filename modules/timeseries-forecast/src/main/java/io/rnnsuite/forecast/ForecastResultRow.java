package io.rnnsuite.forecast;

import io.rnnsuite.common.eval.ForecastMetrics;
import io.rnnsuite.common.train.EpochStats;
import java.util.List;

/**
 * One line of a forecasting comparison: a recurrent model or a baseline, scored on the test windows.
 *
 * @param name               {@code lstm}, {@code bisimple_rnn}, {@code persistence}, ...
 * @param baseline           whether it is a baseline (no training)
 * @param test               test-set metrics
 * @param trainingSeconds    wall-clock training time (0 for parameter-free baselines)
 * @param parameters         trainable parameters (0 for baselines without any)
 * @param sequencesPerSecond training windows per second
 * @param peakMemoryMiB      process resident-memory peak while training (0 for baselines)
 * @param epochs             learning curve (empty for baselines)
 * @param stopReason         why training stopped (empty for baselines)
 */
public record ForecastResultRow(String name, boolean baseline, ForecastMetrics test, double trainingSeconds,
                                long parameters, double sequencesPerSecond, double peakMemoryMiB,
                                List<EpochStats> epochs, String stopReason) {

    static ForecastResultRow baseline(String name, ForecastMetrics test, double seconds, long parameters) {
        return new ForecastResultRow(name, true, test, seconds, parameters, 0, 0, List.of(), "");
    }
}
