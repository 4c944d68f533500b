package io.rnnsuite.forecast.model;

import io.rnnsuite.common.eval.ForecastMetrics;
import io.rnnsuite.forecast.data.ForecastData;
import java.util.List;

/** Scores any {@link Forecaster} on a set of windows; the one evaluation path for models and baselines. */
public final class ForecastEvaluation {

    private ForecastEvaluation() {
    }

    /**
     * MAE / RMSE / MASE / sMAPE over every step of every window. The MASE scale is the in-sample
     * seasonal-naive error on the training part.
     */
    public static ForecastMetrics evaluate(Forecaster forecaster, ForecastData data, List<Integer> origins, int season) {
        double[][] predicted = forecaster.forecast(data, origins);
        int horizon = data.split().horizon();
        double[] actual = new double[origins.size() * horizon];
        double[] flat = new double[actual.length];
        for (int w = 0; w < origins.size(); w++) {
            System.arraycopy(data.actual(origins.get(w)), 0, actual, w * horizon, horizon);
            System.arraycopy(predicted[w], 0, flat, w * horizon, horizon);
        }
        return ForecastMetrics.of(actual, flat, maseScale(data, season));
    }

    /** Seasonal-naive in-sample MAE over the training part (falls back to lag 1 if the part is shorter than a season). */
    public static double maseScale(ForecastData data, int season) {
        double[] train = java.util.Arrays.copyOf(data.target(), data.split().trainEnd());
        int lag = train.length > season ? season : 1;
        return ForecastMetrics.seasonalNaiveScale(train, lag);
    }
}
