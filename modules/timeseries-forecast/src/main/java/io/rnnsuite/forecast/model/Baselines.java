package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.data.ForecastData;
import java.util.List;

/** The three baselines every forecast stands beside, fitted (where they need fitting) on the training windows. */
public final class Baselines {

    private Baselines() {
    }

    /** Persistence, seasonal naive with {@code season}, and the linear autoregression on the network's window. */
    public static List<Forecaster> fit(ForecastData data, int season) {
        return List.of(new PersistenceForecaster(), new SeasonalNaiveForecaster(season), LinearAutoregressiveForecaster.fit(data));
    }
}
