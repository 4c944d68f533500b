package io.rnnsuite.forecast.data;

import io.rnnsuite.datasets.DatasetInfo;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import io.rnnsuite.forecast.ForecastConfig;
import java.nio.file.Path;

/**
 * Where a configuration's series comes from: a bundled series (checksum verified) or the user's
 * CSV file. Resolving the automatic settings needs only the registry's hints, never the data.
 */
public final class SeriesSource {

    private SeriesSource() {
    }

    /** The configuration with lookback, horizon, season, target and pooling filled in. */
    public static ForecastConfig resolve(ForecastConfig config) {
        if (config.dataset() != null) {
            DatasetInfo info = DatasetRegistry.get(config.dataset(), DatasetKind.TIME_SERIES);
            return config.resolve(info.series().seasonPeriod(), info.series().defaultTarget());
        }
        return config.resolve(1, config.target());
    }

    /** Reads the series the configuration names. */
    public static Series read(ForecastConfig config) {
        return config.dataset() != null
                ? SeriesCsvReader.read(DatasetRegistry.get(config.dataset(), DatasetKind.TIME_SERIES))
                : SeriesCsvReader.read(Path.of(config.csv()));
    }

    /** Reads, resolves, splits and normalises: everything training and scoring need. */
    public static PreparedSeries prepare(ForecastConfig config) {
        Series series = read(config);
        ForecastConfig resolved = resolve(config);
        ForecastData data = ForecastData.prepare(series, resolved);
        return new PreparedSeries(resolved.withResolvedBatchSize(data.split().trainOrigins().size()), data,
                config.dataset() != null);
    }
}
