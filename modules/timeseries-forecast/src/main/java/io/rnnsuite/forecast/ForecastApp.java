package io.rnnsuite.forecast;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.eval.ForecastMetrics;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.io.RunRecord;
import io.rnnsuite.common.io.Versions;
import io.rnnsuite.common.report.PeakMemory;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.datasets.DatasetInfo;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.Normalizer;
import io.rnnsuite.forecast.data.Series;
import io.rnnsuite.forecast.data.SeriesCsvReader;
import io.rnnsuite.forecast.model.Forecaster;
import io.rnnsuite.forecast.model.ForecastEvaluation;
import io.rnnsuite.forecast.model.ForecastTrainer;
import io.rnnsuite.forecast.model.LinearAutoregressiveForecaster;
import io.rnnsuite.forecast.model.PersistenceForecaster;
import io.rnnsuite.forecast.model.RecurrentForecaster;
import io.rnnsuite.forecast.model.SeasonalNaiveForecaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The forecasting app's operations: train (and save), evaluate a saved model, predict beyond the
 * end of a series, and compare every cell type with every baseline. The CLI and the example
 * mains call these; nothing here prints except through the {@link ProgressReporter}.
 */
public final class ForecastApp {

    /** The app name written to run.json and checked when a model directory is opened. */
    public static final String APP = "timeseries-forecast";
    static final String CONFIG_FILE = "forecast-config.json";
    static final String NORMALIZER_FILE = "normalizer.json";

    /** A loaded series with its resolved configuration. */
    public record Prepared(ForecastConfig config, ForecastData data) {
    }

    /** A trained model and its scores beside the baselines. */
    public record TrainOutcome(Path modelDir, ForecastConfig config, List<ForecastResultRow> rows, String stopMessage) {
    }

    /** Forecast values beyond the end of a series. */
    public record Prediction(List<String> timeLabels, double[] values, String target) {
    }

    private ForecastApp() {
    }

    /** Reads the series the config names and resolves its automatic values. */
    public static Prepared prepare(ForecastConfig config) {
        Series series;
        ForecastConfig resolved;
        if (config.dataset() != null) {
            DatasetInfo info = DatasetRegistry.get(config.dataset(), DatasetKind.TIME_SERIES);
            series = SeriesCsvReader.read(info);
            resolved = config.resolve(info.series().seasonPeriod(), info.series().defaultTarget());
        } else {
            series = SeriesCsvReader.read(Path.of(config.csv()));
            resolved = config.resolve(1, config.target());
        }
        ForecastData data = ForecastData.prepare(series, resolved);
        return new Prepared(resolved.withResolvedBatchSize(data.split().trainOrigins().size()), data);
    }

    /** The three baselines, fitted where they need fitting. */
    public static List<Forecaster> baselines(ForecastData data, int season) {
        return List.of(new PersistenceForecaster(), new SeasonalNaiveForecaster(season), LinearAutoregressiveForecaster.fit(data));
    }

    /** Scores the baselines on the test windows. */
    public static List<ForecastResultRow> baselineRows(Prepared prepared) {
        List<ForecastResultRow> rows = new ArrayList<>();
        for (Forecaster baseline : baselines(prepared.data(), prepared.config().season())) {
            long start = System.nanoTime();
            ForecastMetrics metrics = ForecastEvaluation.evaluate(baseline, prepared.data(),
                    prepared.data().split().testOrigins(), prepared.config().season());
            long parameters = baseline instanceof LinearAutoregressiveForecaster
                    ? (long) prepared.data().inputColumns() * prepared.config().lookback() * prepared.config().horizon()
                    + prepared.config().horizon() : 0;
            rows.add(ForecastResultRow.baseline(baseline.name(), metrics, (System.nanoTime() - start) / 1e9, parameters));
        }
        return rows;
    }

    /** Trains one recurrent model in memory and scores it on the test windows. */
    public static ForecastResultRow trainAndScore(Prepared prepared, ProgressReporter progress) {
        PeakMemory.Measured<ForecastTrainer.Trained> measured =
                PeakMemory.during(() -> ForecastTrainer.train(prepared.config(), prepared.data(), null, false, progress));
        ForecastTrainer.Trained trained = measured.value();
        return row(prepared, trained, measured.peakMiB());
    }

    private static ForecastResultRow row(Prepared prepared, ForecastTrainer.Trained trained, double peakMiB) {
        ForecastMetrics metrics = ForecastEvaluation.evaluate(trained.forecaster(), prepared.data(),
                prepared.data().split().testOrigins(), prepared.config().season());
        return new ForecastResultRow(trained.forecaster().name(), false, metrics, trained.result().trainingSeconds(),
                trained.forecaster().network().numParams(), trained.result().sequencesPerSecond(), peakMiB,
                trained.result().history(), trained.result().stopReason().name().toLowerCase());
    }

    /**
     * Trains and saves a model in {@code outputDir}: model.zip (best epoch), run.json, the resolved
     * config and the normaliser; with {@code resume}, continues the checkpoint there instead.
     */
    public static TrainOutcome train(ForecastConfig requested, Path outputDir, boolean resume, ProgressReporter progress) {
        ForecastConfig config = requested;
        if (resume) {
            if (!Trainer.hasCheckpoint(outputDir)) {
                throw new UserInputException("cannot resume: " + outputDir + " holds no checkpoint of an earlier 'forecast train'");
            }
            config = readJson(outputDir.resolve(CONFIG_FILE), ForecastConfig.class, outputDir);
        }
        Prepared prepared = prepare(config);
        ModelDirectory dir = ModelDirectory.create(outputDir);
        try {
            Json.write(dir.file(CONFIG_FILE), prepared.config());
            Json.write(dir.file(NORMALIZER_FILE), prepared.data().normalizer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + outputDir, e);
        }
        PeakMemory.Measured<ForecastTrainer.Trained> measured = PeakMemory.during(() ->
                ForecastTrainer.train(prepared.config(), prepared.data(), outputDir, resume, progress));
        ForecastTrainer.Trained trained = measured.value();
        if (trained.result().bestEpoch() == 0) {
            throw new UserInputException(trained.result().message());
        }
        List<ForecastResultRow> rows = new ArrayList<>();
        rows.add(row(prepared, trained, measured.peakMiB()));
        rows.addAll(baselineRows(prepared));
        writeRunRecord(dir, prepared, trained, rows);
        ForecastReport.write(dir.dir(), prepared, rows, List.of(trained.forecaster()));
        return new TrainOutcome(outputDir, prepared.config(), rows, trained.result().message());
    }

    private static void writeRunRecord(ModelDirectory dir, Prepared prepared, ForecastTrainer.Trained trained,
                                       List<ForecastResultRow> rows) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (ForecastResultRow row : rows) {
            metrics.put((row.baseline() ? "baseline." : "test.") + row.name(), row.test());
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("training_seconds", trained.result().trainingSeconds());
        RunRecord record = new RunRecord(APP, Instant.now().toString(), prepared.config(), prepared.config().training().seed(),
                Versions.current(), prepared.config().sourceName(), prepared.data().series().sha256(),
                trained.forecaster().network().numParams(), metrics, timings,
                new RunRecord.TrainingSummary(trained.result().stopReason().name(), trained.result().bestEpoch(),
                        trained.result().history(), trained.result().sequencesPerSecond()));
        try {
            dir.writeRunRecord(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run.json", e);
        }
    }

    /** A saved model, its configuration and normaliser. */
    public record Loaded(ModelDirectory dir, ForecastConfig config, Normalizer normalizer, RecurrentForecaster forecaster) {
    }

    /** Opens a model directory written by {@link #train}. */
    public static Loaded load(Path modelDir) {
        ModelDirectory dir = ModelDirectory.open(modelDir, APP);
        ForecastConfig config = dir.readJson(CONFIG_FILE, ForecastConfig.class);
        Normalizer normalizer = dir.readJson(NORMALIZER_FILE, Normalizer.class);
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(dir.modelFile().toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + modelDir + ": " + ModelDirectory.MODEL_FILE
                    + " is corrupt or not a DL4J network (" + e.getClass().getSimpleName() + ")");
        }
        return new Loaded(dir, config, normalizer, new RecurrentForecaster(config.recurrent().label(), net));
    }

    /** Re-scores a saved model and the baselines on its dataset's test windows. */
    public static List<ForecastResultRow> evaluate(Path modelDir) {
        Loaded loaded = load(modelDir);
        Prepared prepared = prepare(loaded.config());
        String recorded = Json.MAPPER.valueToTree(readJson(loaded.dir().runFile(), Map.class, modelDir)).path("datasetSha256").asText();
        if (!recorded.isEmpty() && !recorded.equals(prepared.data().series().sha256())) {
            throw new UserInputException(loaded.config().sourceName() + " changed since the model in " + modelDir
                    + " was trained (SHA-256 differs from run.json): retrain, or evaluate on the original file");
        }
        List<ForecastResultRow> rows = new ArrayList<>();
        ForecastMetrics metrics = ForecastEvaluation.evaluate(loaded.forecaster(), prepared.data(),
                prepared.data().split().testOrigins(), prepared.config().season());
        rows.add(new ForecastResultRow(loaded.forecaster().name(), false, metrics, 0,
                loaded.forecaster().network().numParams(), 0, 0, List.of(), ""));
        rows.addAll(baselineRows(prepared));
        return rows;
    }

    /**
     * Forecasts the H values after the last row of {@code csv} (or of the model's own dataset when
     * {@code csv} is null), using the saved normaliser.
     */
    public static Prediction predict(Path modelDir, Path csv) {
        Loaded loaded = load(modelDir);
        ForecastConfig config = loaded.config();
        Series series;
        if (csv != null) {
            series = SeriesCsvReader.read(csv);
        } else if (config.dataset() != null) {
            series = SeriesCsvReader.read(DatasetRegistry.get(config.dataset(), DatasetKind.TIME_SERIES));
        } else {
            series = SeriesCsvReader.read(Path.of(config.csv()));
        }
        ForecastData data = ForecastData.withNormalizer(series, config, loaded.normalizer());
        int origin = series.length();
        double[] values = loaded.forecaster().forecast(data, List.of(origin))[0];
        return new Prediction(TimeLabels.after(series.timeLabels(), config.horizon()), values, config.target());
    }

    /**
     * Trains every variant on the same data and scores them beside the baselines (nothing saved
     * but the report in {@code reportDir}, if given).
     */
    public static List<ForecastResultRow> compare(ForecastConfig base, List<RecurrentSpec> variants, Path reportDir,
                                                  ProgressReporter progress) {
        return compare(prepare(base.withRecurrent(variants.get(0))), base.pooling(), variants, reportDir, progress);
    }

    /**
     * The same on data already prepared (read once); {@code pooling} {@code null} = each variant's default.
     */
    public static List<ForecastResultRow> compare(Prepared first, SequencePooling pooling, List<RecurrentSpec> variants,
                                                  Path reportDir, ProgressReporter progress) {
        List<ForecastResultRow> rows = new ArrayList<>();
        List<Forecaster> trainedModels = new ArrayList<>();
        for (RecurrentSpec variant : variants) {
            ForecastConfig config = first.config().withRecurrent(variant)
                    .withPooling(pooling != null ? pooling : SequencePooling.defaultFor(variant));
            Prepared prepared = new Prepared(config, first.data());
            PeakMemory.Measured<ForecastTrainer.Trained> measured =
                    PeakMemory.during(() -> ForecastTrainer.train(config, prepared.data(), null, false, progress));
            rows.add(row(prepared, measured.value(), measured.peakMiB()));
            trainedModels.add(measured.value().forecaster());
        }
        rows.addAll(baselineRows(first));
        if (reportDir != null) {
            ForecastReport.write(reportDir, first, rows, trainedModels);
        }
        return rows;
    }

    private static <T> T readJson(Path file, Class<T> type, Path dir) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("model directory " + dir + " has no " + file.getFileName());
        }
        try {
            return Json.read(file, type);
        } catch (IOException e) {
            throw new UserInputException("model directory " + dir + ": " + file.getFileName() + " is unreadable (" + e.getMessage() + ")");
        }
    }
}
