package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.data.ForecastData;
import java.util.List;

/**
 * Anything that forecasts the next H target values from the data before a window's origin.
 * The recurrent network and every baseline implement it, so all are scored by the same code.
 */
public interface Forecaster {

    /** Short name for tables: {@code lstm}, {@code persistence}, ... */
    String name();

    /** Forecasts for each origin, {@code [window][step]}, in the target's own units. */
    double[][] forecast(ForecastData data, List<Integer> origins);
}
