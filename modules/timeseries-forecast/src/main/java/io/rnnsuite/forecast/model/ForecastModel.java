package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.data.Normalizer;

/**
 * A trained forecaster with what forecasting needs: the resolved configuration (windows, columns,
 * log transform) and the normaliser fitted on the training rows.
 *
 * @param config     the resolved configuration it was trained with
 * @param normalizer the training rows' normaliser (saved as {@code normalizer.json})
 * @param forecaster the network
 * @param dataSha256 SHA-256 of the series it was trained on, so scoring it on a changed file is caught
 */
public record ForecastModel(ForecastConfig config, Normalizer normalizer, RecurrentForecaster forecaster, String dataSha256) {
}
