package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.data.ForecastData;
import java.util.List;

/**
 * Each step gets the value one season earlier: {@code ŷ(o+k) = y(o + k − m·(⌊k/m⌋ + 1))}, so a
 * horizon longer than the season repeats the last observed season. With m = 1 it equals
 * persistence.
 */
public final class SeasonalNaiveForecaster implements Forecaster {

    private final int season;

    public SeasonalNaiveForecaster(int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1");
        }
        this.season = season;
    }

    @Override
    public String name() {
        return "seasonal_naive";
    }

    @Override
    public double[][] forecast(ForecastData data, List<Integer> origins) {
        double[] y = data.target();
        int horizon = data.split().horizon();
        double[][] out = new double[origins.size()][horizon];
        for (int w = 0; w < origins.size(); w++) {
            int origin = origins.get(w);
            for (int k = 0; k < horizon; k++) {
                int source = origin + k - season * (k / season + 1);
                out[w][k] = source >= 0 ? y[source] : y[origin - 1];
            }
        }
        return out;
    }
}
