package io.rnnsuite.forecast;

import io.rnnsuite.common.app.AppConfig;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.TrainingConfig;
import java.util.List;

/**
 * Everything a forecasting run depends on. Zero in {@code lookback}, {@code horizon} or
 * {@code season} means "choose from the dataset" ({@link #resolve}).
 *
 * @param dataset            a bundled series name ({@code airpassengers}); {@code null} when {@code csv} is given
 * @param csv                the user's CSV file; {@code null} for a bundled series
 * @param target             the column to forecast; {@code null} = the dataset's default (or the only numeric column)
 * @param features           further input columns (past values only); empty = univariate
 * @param lookback           input window L (default: two seasons, at least 24 and at most 48 steps)
 * @param horizon            values forecast at once, H (default: the season, or 12 without one)
 * @param season             steps per season for seasonal naive and MASE (default: from the dataset; 1 for a user CSV)
 * @param validationFraction share of the series before the test part used for early stopping (default 0.15)
 * @param testFraction       share at the end held out for the final scores (default 0.2); each part is at least H long
 * @param logTransform       model log(y) instead of y (needs positive targets; default false)
 * @param relativeToLast     the network predicts each future value relative to the last observed one
 *                           (a learned correction to persistence, which copes with trends; default true)
 * @param recurrent          cell, size, depth, direction, dropout (default LSTM, 32 units, 1 layer)
 * @param pooling            how the input window is reduced to one vector (default: last step, or mean when bidirectional)
 * @param training           epochs, batch size, learning rate, patience, clipping, seed
 */
public record ForecastConfig(String dataset, String csv, String target, List<String> features, int lookback, int horizon,
                             int season, double validationFraction, double testFraction, boolean logTransform,
                             boolean relativeToLast, RecurrentSpec recurrent, SequencePooling pooling,
                             TrainingConfig training) implements AppConfig<ForecastConfig> {

    public ForecastConfig {
        features = features == null ? List.of() : List.copyOf(features);
        if ((dataset == null) == (csv == null)) {
            throw new UserInputException("give either --dataset NAME or --csv FILE (exactly one)");
        }
        if (lookback < 0 || horizon < 0 || season < 0) {
            throw new UserInputException("--lookback, --horizon and --season must not be negative");
        }
        if (!(validationFraction > 0 && validationFraction < 0.5) || !(testFraction > 0 && testFraction < 0.5)) {
            throw new UserInputException("--validation-fraction and --test-fraction must be in (0, 0.5)");
        }
    }

    /**
     * Training defaults for forecasting: up to 150 epochs with patience 20, and an automatic batch
     * size ({@link #autoBatchSize}) because the bundled series give from 60 to 2,700 training
     * windows.
     */
    public static final TrainingConfig DEFAULT_TRAINING = new TrainingConfig(150, 0, 0.005, 20, 1.0, 42L, 0, 0);

    /**
     * The automatic batch size: about 20 minibatches per epoch, within 16..128. Small series keep
     * enough updates per epoch; long ones get larger batches, which DL4J's recurrent layers process
     * far faster per window (their cost is mostly per-operation overhead: batch 64 trained 2.5×
     * more windows per second than batch 16 on sunspots).
     */
    public static int autoBatchSize(int trainingWindows) {
        return Math.max(16, Math.min(128, Math.round(trainingWindows / 20f)));
    }

    /** The defaults of the bundled examples for {@code dataset}: an LSTM of 32 units. */
    public static ForecastConfig defaults(String dataset) {
        return new ForecastConfig(dataset, null, null, List.of(), 0, 0, 0, 0.15, 0.2, false, true,
                new RecurrentSpec(CellType.LSTM, 32, 1, false, 0.0), null, DEFAULT_TRAINING);
    }

    /** Fills the automatic values from the series' season (and the dataset's default target). */
    public ForecastConfig resolve(int datasetSeason, String defaultTarget) {
        int s = season > 0 ? season : Math.max(1, datasetSeason);
        int h = horizon > 0 ? horizon : (s > 1 ? s : 12);
        int l = lookback > 0 ? lookback : Math.max(24, Math.min(2 * s, 48));
        SequencePooling p = pooling != null ? pooling : SequencePooling.defaultFor(recurrent);
        return new ForecastConfig(dataset, csv, target != null ? target : defaultTarget, features, l, h, s,
                validationFraction, testFraction, logTransform, relativeToLast, recurrent, p, training);
    }

    public ForecastConfig withRecurrent(RecurrentSpec spec) {
        return new ForecastConfig(dataset, csv, target, features, lookback, horizon, season, validationFraction,
                testFraction, logTransform, relativeToLast, spec, pooling, training);
    }

    public ForecastConfig withPooling(SequencePooling newPooling) {
        return new ForecastConfig(dataset, csv, target, features, lookback, horizon, season, validationFraction,
                testFraction, logTransform, relativeToLast, recurrent, newPooling, training);
    }

    public ForecastConfig withTraining(TrainingConfig newTraining) {
        return new ForecastConfig(dataset, csv, target, features, lookback, horizon, season, validationFraction,
                testFraction, logTransform, relativeToLast, recurrent, pooling, newTraining);
    }

    /** The same with an automatic batch size replaced by {@link #autoBatchSize}. */
    public ForecastConfig withResolvedBatchSize(int trainingWindows) {
        return training.batchSize() > 0 ? this : withTraining(training.withBatchSize(autoBatchSize(trainingWindows)));
    }

    public ForecastConfig withLogTransform(boolean log) {
        return new ForecastConfig(dataset, csv, target, features, lookback, horizon, season, validationFraction,
                testFraction, log, relativeToLast, recurrent, pooling, training);
    }

    /** One line for messages: source, target, windows and network. */
    public String describe() {
        return sourceName() + (target != null ? " → " + target : "") + (features.isEmpty() ? "" : " with " + String.join(",", features))
                + ", lookback " + (lookback > 0 ? lookback : "auto") + ", horizon " + (horizon > 0 ? horizon : "auto")
                + (logTransform ? ", log" : "") + (relativeToLast ? "" : ", absolute") + ", " + recurrent.label() + " "
                + recurrent.hiddenSize() + (pooling != null ? ", " + pooling.name().toLowerCase(java.util.Locale.ROOT) + " pooling" : "");
    }

    /** The data source for messages and run.json. */
    public String sourceName() {
        return dataset != null ? dataset : csv;
    }

    @Override
    public ForecastConfig with(RecurrentSpec spec, TrainingConfig newTraining) {
        return withRecurrent(spec).withTraining(newTraining);
    }
}
