package io.rnnsuite.forecast.model;

import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.forecast.data.ForecastData;
import java.util.ArrayList;
import java.util.List;

/**
 * Test MAE by forecast step: one bucket per step 1..H over the test windows, in the series' own
 * units as {@link ForecastEvaluation#MAE}. Every step has one value per window, so the steps'
 * mean is the overall test MAE.
 */
public final class MaeByStep {

    /** What the buckets measure. */
    public static final String AXIS = "forecast step";

    private MaeByStep() {
    }

    /** Forecasts every test window with {@code forecaster} and averages |actual − forecast| step by step. */
    public static LengthBreakdown onTest(Forecaster forecaster, ForecastData data) {
        List<Integer> origins = data.split().testOrigins();
        int horizon = data.split().horizon();
        double[][] predicted = forecaster.forecast(data, origins);
        double[] absolute = new double[horizon];
        for (int w = 0; w < origins.size(); w++) {
            double[] actual = data.actual(origins.get(w));
            for (int k = 0; k < horizon; k++) {
                absolute[k] += Math.abs(actual[k] - predicted[w][k]);
            }
        }
        List<LengthBreakdown.Bucket> buckets = new ArrayList<>(horizon);
        for (int k = 0; k < horizon; k++) {
            buckets.add(new LengthBreakdown.Bucket(String.valueOf(k + 1), k + 1, origins.size(),
                    origins.isEmpty() ? Double.NaN : absolute[k] / origins.size()));
        }
        return new LengthBreakdown(AXIS, ForecastEvaluation.MAE, true, buckets);
    }
}
