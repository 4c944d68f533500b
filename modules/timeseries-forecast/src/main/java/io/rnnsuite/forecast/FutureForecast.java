package io.rnnsuite.forecast;

import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.Series;
import io.rnnsuite.forecast.model.ForecastModel;
import java.util.List;
import java.util.Locale;

/**
 * The H values after the last row of a series, forecast by a trained model with its saved
 * normaliser, labelled by continuing the series' time column.
 *
 * @param timeLabels one label per forecast step ({@code 1961-01}, ...)
 * @param values     the forecasts, in the target's own units
 * @param target     the forecast column
 */
public record FutureForecast(List<String> timeLabels, double[] values, String target) {

    /** Forecasts past the end of {@code series}, which must have the model's columns. */
    public static FutureForecast of(ForecastModel model, Series series) {
        ForecastConfig config = model.config();
        ForecastData data = ForecastData.withNormalizer(series, config, model.normalizer());
        double[] values = model.forecaster().forecast(data, List.of(series.length()))[0];
        return new FutureForecast(TimeLabels.after(series.timeLabels(), config.horizon()), values, data.columns()[0]);
    }

    /** As CSV: a header {@code step,TARGET}, then one row per step. */
    public String toCsv() {
        StringBuilder text = new StringBuilder("step," + target);
        for (int k = 0; k < values.length; k++) {
            text.append('\n').append(timeLabels.get(k)).append(',').append(String.format(Locale.ROOT, "%.6g", values[k]));
        }
        return text.toString();
    }
}
