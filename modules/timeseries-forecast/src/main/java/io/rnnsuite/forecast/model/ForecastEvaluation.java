package io.rnnsuite.forecast.model;

import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.eval.ForecastMetrics;
import io.rnnsuite.forecast.data.ForecastData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores any {@link Forecaster} on a set of windows; the one evaluation path for models and baselines. */
public final class ForecastEvaluation {

    /** Metric keys, in the order tables show them. */
    public static final String MAE = "mae";
    public static final String RMSE = "rmse";
    public static final String MASE = "mase";
    public static final String SMAPE = "smape";

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

    /** The test-window scores of {@code forecaster} as an {@link Evaluation} ({@code mae}, {@code rmse}, {@code mase}, {@code smape}). */
    public static Evaluation onTest(Forecaster forecaster, ForecastData data, int season, boolean baseline) {
        ForecastMetrics m = evaluate(forecaster, data, data.split().testOrigins(), season);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(MAE, m.mae());
        metrics.put(RMSE, m.rmse());
        metrics.put(MASE, m.mase());
        metrics.put(SMAPE, m.smape());
        return new Evaluation(forecaster.name(), baseline, metrics);
    }

    /** Seasonal-naive in-sample MAE over the training part (falls back to lag 1 if the part is shorter than a season). */
    public static double maseScale(ForecastData data, int season) {
        double[] train = java.util.Arrays.copyOf(data.target(), data.split().trainEnd());
        int lag = train.length > season ? season : 1;
        return ForecastMetrics.seasonalNaiveScale(train, lag);
    }
}
