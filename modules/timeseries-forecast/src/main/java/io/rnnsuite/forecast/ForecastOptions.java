package io.rnnsuite.forecast;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The forecasting flags beside the shared ones: which series to read and how to cut it into windows. */
public final class ForecastOptions implements AppOptions<ForecastConfig> {

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Bundled series (see 'rnn-suite datasets list'); ignored with --csv (default: ${DEFAULT-VALUE}).")
    String dataset = ForecastApp.DEFAULT_SERIES;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Your own CSV: header row, a time column first, then numeric columns (default: none).")
    String csv;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "Column to forecast (default: the dataset's; required for a CSV with several columns).")
    String target;

    @Option(names = "--features", paramLabel = "COL,...", split = ",",
            description = "Extra input columns, past values only (default: none = univariate).")
    List<String> features = new ArrayList<>();

    @Option(names = "--lookback", converter = Ranges.ZeroOrMore.class, paramLabel = "L",
            description = "Input window length; 0 = two seasons, within 24..48 (default: ${DEFAULT-VALUE}).")
    int lookback;

    @Option(names = "--horizon", converter = Ranges.ZeroOrMore.class, paramLabel = "H",
            description = "Values forecast at once; 0 = the season, or 12 (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--season", converter = Ranges.ZeroOrMore.class, paramLabel = "M",
            description = "Steps per season for seasonal naive and MASE; 0 = the dataset's, 1 for a CSV (default: ${DEFAULT-VALUE}).")
    int season;

    @Option(names = "--log", description = "Model log(y); needs positive values (default: ${DEFAULT-VALUE}).")
    boolean log;

    @Option(names = "--absolute",
            description = "Predict absolute levels instead of changes from the last observed value (default: ${DEFAULT-VALUE}).")
    boolean absolute;

    @Option(names = "--validation-fraction", converter = Ranges.Fraction.class, paramLabel = "F",
            description = "Share of rows before the test part used for early stopping (default: ${DEFAULT-VALUE}).")
    double validationFraction = 0.15;

    @Option(names = "--test-fraction", converter = Ranges.Fraction.class, paramLabel = "F",
            description = "Share of rows at the end held out for the final scores (default: ${DEFAULT-VALUE}).")
    double testFraction = 0.2;

    @Option(names = "--pooling", paramLabel = "POOLING",
            description = "last, mean, max, or auto = last (mean when bidirectional) (default: ${DEFAULT-VALUE}).")
    String pooling = "auto";

    @Override
    public ForecastConfig toConfig(RecurrentSpec recurrent, TrainingConfig training) {
        SequencePooling chosen = pooling == null || pooling.isBlank() || pooling.equalsIgnoreCase("auto")
                ? null : SequencePooling.parse(pooling);
        return new ForecastConfig(csv == null ? dataset : null, csv, target, features, lookback, horizon, season,
                validationFraction, testFraction, log, !absolute, recurrent, chosen, training);
    }
}
