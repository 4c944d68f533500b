package io.rnnsuite.forecast.data;

import io.rnnsuite.common.UserInputException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A chronological split of a series of {@code length} rows into training {@code [0, trainEnd)},
 * validation {@code [trainEnd, validationEnd)} and test {@code [validationEnd, length)} parts.
 *
 * <p>A window is named by its <em>origin</em>, the index of its first forecast value: inputs are
 * rows {@code [origin − L, origin)}, targets {@code [origin, origin + H)}. A window belongs to the
 * part that holds all of its targets; its inputs may reach back into earlier parts (they are the
 * past, known at forecast time). Windows whose targets straddle two parts are not used.
 */
public record SplitPlan(int length, int lookback, int horizon, int trainEnd, int validationEnd) {

    /**
     * Sizes the parts: each of validation and test holds {@code max(H, round(fraction × length))} rows.
     *
     * @throws UserInputException when the series is too short for one training window
     */
    public static SplitPlan of(int length, int lookback, int horizon, double validationFraction, double testFraction,
                               String source) {
        int test = Math.max(horizon, (int) Math.round(length * testFraction));
        int validation = Math.max(horizon, (int) Math.round(length * validationFraction));
        int trainEnd = length - test - validation;
        int needed = lookback + horizon + validation + test;
        if (trainEnd - lookback - horizon + 1 < 1) {
            throw new UserInputException(source + " has " + length + " rows, fewer than lookback + horizon + validation + test = "
                    + lookback + " + " + horizon + " + " + validation + " + " + test + " = " + needed
                    + " (use a shorter --lookback or --horizon, or a longer series)");
        }
        return new SplitPlan(length, lookback, horizon, trainEnd, trainEnd + validation);
    }

    public List<Integer> trainOrigins() {
        return range(lookback, trainEnd - horizon);
    }

    public List<Integer> validationOrigins() {
        return range(trainEnd, validationEnd - horizon);
    }

    public List<Integer> testOrigins() {
        return range(validationEnd, length - horizon);
    }

    /** Test origins every H steps: forecasts that tile the test part without overlap (for plots). */
    public List<Integer> tilingTestOrigins() {
        return IntStream.iterate(validationEnd, o -> o + horizon <= length, o -> o + horizon).boxed().toList();
    }

    private static List<Integer> range(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }
}
