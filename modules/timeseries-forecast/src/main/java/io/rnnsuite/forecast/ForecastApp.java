package io.rnnsuite.forecast;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppInfo;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.app.CompareExtras;
import io.rnnsuite.common.app.CompareRun;
import io.rnnsuite.common.app.DataSummary;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.Metric;
import io.rnnsuite.common.app.RnnApp;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.app.Trained;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.DatasetInfo;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.PreparedSeries;
import io.rnnsuite.forecast.data.SeriesCsvReader;
import io.rnnsuite.forecast.data.SeriesSource;
import io.rnnsuite.forecast.data.SplitPlan;
import io.rnnsuite.forecast.model.Baselines;
import io.rnnsuite.forecast.model.ForecastEvaluation;
import io.rnnsuite.forecast.model.ForecastModel;
import io.rnnsuite.forecast.model.ForecastTrainer;
import io.rnnsuite.forecast.model.Forecaster;
import io.rnnsuite.forecast.model.MaeByStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time-series forecasting on the app contract: a bundled series or the user's CSV, cut into
 * windows (lookback L → next H values), a recurrent network trained on them and scored beside
 * persistence, seasonal naive and a linear autoregression by the same code on the same windows.
 * This class only connects the pieces: {@link SeriesSource} reads and prepares, {@link ForecastTrainer}
 * trains, {@link ForecastEvaluation} scores, {@link ForecastModelFiles} saves and loads,
 * {@link FutureForecast} predicts, {@link ForecastPlot} draws.
 */
public final class ForecastApp implements RnnApp<ForecastConfig, PreparedSeries, ForecastModel> {

    /** The series {@code forecast train} reads without {@code --dataset} or {@code --csv}. */
    public static final String DEFAULT_SERIES = "airpassengers";
    /** What {@code rnn-suite compare --quick} forecasts; without {@code --quick}, every bundled series. */
    public static final List<String> QUICK_SERIES = List.of("airpassengers", "co2");

    private static final Metric MASE = new Metric(ForecastEvaluation.MASE, "test MASE", true);

    @Override
    public AppInfo info() {
        return new AppInfo("forecast", "timeseries-forecast", "Time-series forecasting",
                "Forecast a time series with SimpleRnn / LSTM / GRU beside persistence, seasonal-naive and linear AR baselines.");
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public AppOptions<ForecastConfig> newOptions() {
        return new ForecastOptions();
    }

    @Override
    public ForecastConfig defaults(boolean quick) {
        return ForecastConfig.defaults(DEFAULT_SERIES);
    }

    @Override
    public List<ForecastConfig> compareConfigs(boolean quick) {
        List<String> names = quick ? QUICK_SERIES
                : DatasetRegistry.ofKind(DatasetKind.TIME_SERIES).stream().map(DatasetInfo::name).toList();
        return names.stream().map(ForecastConfig::defaults).toList();
    }

    @Override
    public Class<ForecastConfig> configType() {
        return ForecastConfig.class;
    }

    @Override
    public PreparedSeries load(ForecastConfig config) {
        return SeriesSource.prepare(config);
    }

    @Override
    public DataSummary describe(ForecastConfig config, PreparedSeries prepared) {
        ForecastConfig c = prepared.config();
        SplitPlan split = prepared.data().split();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", prepared.data().columns()[0]);
        details.put("rows", split.length());
        details.put("lookback", c.lookback());
        details.put("horizon", c.horizon());
        details.put("season", c.season());
        details.put("train_windows", split.trainOrigins().size());
        details.put("validation_windows", split.validationOrigins().size());
        details.put("test_windows", split.testOrigins().size());
        return new DataSummary(c.sourceName(), prepared.bundled() ? "bundled" : "file",
                prepared.data().series().sha256(), details);
    }

    @Override
    public Trained<ForecastModel> train(ForecastConfig config, PreparedSeries prepared, TrainContext context) {
        ForecastConfig settled = prepared.settle(config);
        if (context.outputDir() != null) {
            ForecastModelFiles.beginTraining(context.outputDir(), config, context.resume());
        }
        ForecastTrainer.Trained trained = ForecastTrainer.train(settled, prepared.data(), context.outputDir(),
                context.resume(), context.progress());
        if (context.outputDir() != null && trained.result().bestEpoch() == 0) {
            throw new UserInputException(trained.result().message());
        }
        ForecastModel model = new ForecastModel(settled, prepared.data().normalizer(), trained.forecaster(),
                prepared.data().series().sha256());
        return new Trained<>(model, trained.result(), trained.forecaster().network().numParams(), 0);
    }

    @Override
    public Evaluation evaluate(ForecastModel model, PreparedSeries prepared) {
        if (!model.dataSha256().isEmpty() && !model.dataSha256().equals(prepared.data().series().sha256())) {
            throw new UserInputException(model.config().sourceName() + " changed since the model was trained"
                    + " (its SHA-256 differs from run.json): retrain, or evaluate on the original file");
        }
        return ForecastEvaluation.onTest(model.forecaster(), prepared.data(), prepared.config().season(), false);
    }

    /** Test MAE (the series' units) at each forecast step 1..H, see {@link MaeByStep}. */
    @Override
    public LengthBreakdown byLength(ForecastModel model, PreparedSeries prepared) {
        return MaeByStep.onTest(model.forecaster(), prepared.data());
    }

    @Override
    public List<Evaluation> baselines(ForecastConfig config, PreparedSeries prepared) {
        List<Evaluation> scores = new ArrayList<>();
        for (Forecaster baseline : Baselines.fit(prepared.data(), prepared.config().season())) {
            scores.add(ForecastEvaluation.onTest(baseline, prepared.data(), prepared.config().season(), true));
        }
        return scores;
    }

    @Override
    public Metric primaryMetric() {
        return MASE;
    }

    @Override
    public void save(ForecastModel model, ModelDirectory dir) throws IOException {
        ForecastModelFiles.save(model, dir);
        // the plot needs the series again: reading a bundled series or a CSV takes milliseconds
        PreparedSeries prepared = SeriesSource.prepare(model.config());
        ForecastPlot.write(dir.file(ForecastPlot.FILE), model.config().sourceName(), prepared.data().columns()[0],
                prepared.data(), model.config().season(), List.of(model.forecaster()));
    }

    @Override
    public ForecastModel load(ForecastConfig config, ModelDirectory dir) {
        return ForecastModelFiles.load(config, dir);
    }

    /**
     * The H values after the end of the model's own series, or, for each input naming a CSV file
     * with the model's columns, after the end of that file; each answer as CSV ({@code step,TARGET}).
     */
    @Override
    public List<String> predict(ForecastModel model, List<String> inputs) {
        if (inputs.isEmpty()) {
            return List.of(FutureForecast.of(model, SeriesSource.read(model.config())).toCsv());
        }
        List<String> answers = new ArrayList<>();
        for (String input : inputs) {
            String csv = FutureForecast.of(model, SeriesCsvReader.read(Path.of(input))).toCsv();
            answers.add(inputs.size() > 1 ? "# " + input + "\n" + csv : csv);
        }
        return answers;
    }

    @Override
    public String predictInput() {
        return "CSV";
    }

    @Override
    public String setup(ForecastConfig config, DataSummary data) {
        Map<String, Object> d = data.details();
        return String.format(Locale.ROOT, "%s → %s: lookback %s, horizon %s (direct multi-step), season %s%s%s. "
                        + "Rows %s; windows: training %s, validation %s, test %s (rolling origin over the last %d %% of rows, "
                        + "validation the %d %% before). Normalisation fitted on the training rows only; persistence, seasonal "
                        + "naive and a linear autoregression on the same window are scored by the same code on the same windows. "
                        + "MASE is scaled by the in-sample seasonal-naive error on the training rows: below 1 beats it.",
                data.name(), d.get("target"), d.get("lookback"), d.get("horizon"), d.get("season"),
                config.logTransform() ? ", log transform" : "",
                config.features().isEmpty() ? "" : ", inputs also " + String.join(", ", config.features()),
                d.get("rows"), d.get("train_windows"), d.get("validation_windows"), d.get("test_windows"),
                Math.round(100 * config.testFraction()), Math.round(100 * config.validationFraction()));
    }

    @Override
    public CompareExtras compareExtras(ForecastConfig config, PreparedSeries prepared,
                                       List<CompareRun.Compared<ForecastModel>> models, Path dir) throws IOException {
        List<Forecaster> forecasters = models.stream().map(m -> (Forecaster) m.model().forecaster()).toList();
        Path file = dir.resolve(ForecastPlot.FILE);
        ForecastData data = prepared.data();
        ForecastPlot.write(file, prepared.config().sourceName(), data.columns()[0], data, prepared.config().season(), forecasters);
        return new CompareExtras(List.of(new SectionResult.Titled<>(prepared.config().sourceName() + ": test-part forecasts", file)),
                List.of());
    }
}
