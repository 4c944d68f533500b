package io.rnnsuite.forecast.data;

import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.forecast.ForecastConfig;

/**
 * A series read, split, normalised and cut into windows, with the configuration it was prepared
 * for, its automatic values (lookback, horizon, season, target, batch size) filled in.
 *
 * @param config   the resolved configuration
 * @param data     the windows
 * @param bundled  whether the series is one of the bundled ones (else the user's file)
 */
public record PreparedSeries(ForecastConfig config, ForecastData data, boolean bundled) {

    /**
     * The configuration to train {@code requested}'s recurrent part and training settings on this
     * data: the data's settings (source, windows, normalisation) with the requested network,
     * its default pooling where none was asked, and the automatic batch size resolved.
     */
    public ForecastConfig settle(ForecastConfig requested) {
        SequencePooling pooling = requested.pooling() != null ? requested.pooling()
                : SequencePooling.defaultFor(requested.recurrent());
        return config.withRecurrent(requested.recurrent()).withPooling(pooling).withTraining(requested.training())
                .withResolvedBatchSize(data.split().trainOrigins().size());
    }
}
