package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.data.ForecastData;
import java.util.Arrays;
import java.util.List;

/** The last observed value, repeated for every step: the baseline every forecast must beat. */
public final class PersistenceForecaster implements Forecaster {

    @Override
    public String name() {
        return "persistence";
    }

    @Override
    public double[][] forecast(ForecastData data, List<Integer> origins) {
        double[] y = data.target();
        double[][] out = new double[origins.size()][data.split().horizon()];
        for (int w = 0; w < origins.size(); w++) {
            Arrays.fill(out[w], y[origins.get(w) - 1]);
        }
        return out;
    }
}
