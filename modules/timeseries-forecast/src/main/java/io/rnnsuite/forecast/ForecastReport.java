package io.rnnsuite.forecast;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.SplitPlan;
import io.rnnsuite.forecast.model.Forecaster;
import io.rnnsuite.forecast.model.LinearAutoregressiveForecaster;
import io.rnnsuite.forecast.model.PersistenceForecaster;
import io.rnnsuite.forecast.model.SeasonalNaiveForecaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a forecasting report into a directory: {@code report.md} (setup, the table, a plain
 * reading of the result), {@code forecast.png} (actual test values against each forecaster),
 * {@code learning-curves.png} and {@code results.json}.
 */
public final class ForecastReport {

    public static final String REPORT_FILE = "report.md";
    public static final String FORECAST_PLOT = "forecast.png";
    public static final String CURVES_PLOT = "learning-curves.png";
    public static final String RESULTS_FILE = "results.json";

    private ForecastReport() {
    }

    /** The results table (test part) in the order given. */
    public static MarkdownTable table(List<ForecastResultRow> rows) {
        MarkdownTable table = new MarkdownTable("model", "MAE", "RMSE", "MASE", "sMAPE %", "train s", "params",
                "windows/s", "peak MiB");
        for (ForecastResultRow r : rows) {
            table.row(r.baseline() ? r.name() + " (baseline)" : r.name(), r.test().mae(), r.test().rmse(), r.test().mase(),
                    r.test().smape(), r.trainingSeconds(), r.parameters(),
                    r.baseline() ? "–" : String.format(Locale.ROOT, "%.0f", r.sequencesPerSecond()),
                    r.baseline() ? "–" : String.format(Locale.ROOT, "%.0f", r.peakMemoryMiB()));
        }
        return table;
    }

    /** One plain sentence: does the best recurrent model beat the best baseline and seasonal naive on MASE? */
    public static String reading(List<ForecastResultRow> rows) {
        Optional<ForecastResultRow> bestModel = rows.stream().filter(r -> !r.baseline())
                .min(Comparator.comparingDouble(r -> r.test().mae()));
        Optional<ForecastResultRow> bestBaseline = rows.stream().filter(ForecastResultRow::baseline)
                .min(Comparator.comparingDouble(r -> r.test().mae()));
        Optional<ForecastResultRow> seasonal = rows.stream().filter(r -> r.name().equals("seasonal_naive")).findFirst();
        if (bestModel.isEmpty() || bestBaseline.isEmpty()) {
            return "";
        }
        ForecastResultRow m = bestModel.get();
        ForecastResultRow b = bestBaseline.get();
        String versusSeasonal = seasonal.map(s -> String.format(Locale.ROOT, " Seasonal naive: MAE %s, so the best recurrent model %s it.",
                MarkdownTable.number(s.test().mae()), m.test().mae() < s.test().mae() ? "beats" : "does not beat")).orElse("");
        return String.format(Locale.ROOT, "Best recurrent model: %s (test MAE %s, MASE %s). Best baseline: %s (MAE %s, MASE %s).%s",
                m.name(), MarkdownTable.number(m.test().mae()), MarkdownTable.number(m.test().mase()),
                b.name(), MarkdownTable.number(b.test().mae()), MarkdownTable.number(b.test().mase()), versusSeasonal);
    }

    /** Writes every file of the report into {@code dir}. */
    public static void write(Path dir, ForecastApp.Prepared prepared, List<ForecastResultRow> rows, List<Forecaster> models) {
        try {
            forecastPlot(prepared, models).savePng(dir.resolve(FORECAST_PLOT), 900, 480);
            learningCurves(rows).savePng(dir.resolve(CURVES_PLOT), 700, 420);
            Json.write(dir.resolve(RESULTS_FILE), new Results(prepared.config(), rows));
            AtomicFiles.writeString(dir.resolve(REPORT_FILE), markdown(prepared, rows));
        } catch (IOException e) {
            throw new UserInputException("cannot write the report into " + dir + " (" + e.getMessage() + ")");
        }
    }

    /** What results.json holds. */
    public record Results(ForecastConfig config, List<ForecastResultRow> rows) {
    }

    static String markdown(ForecastApp.Prepared prepared, List<ForecastResultRow> rows) {
        ForecastConfig c = prepared.config();
        SplitPlan split = prepared.data().split();
        StringBuilder md = new StringBuilder();
        md.append("# Forecast: ").append(c.sourceName()).append(" → ").append(c.target()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Lookback %d, horizon %d (direct multi-step), season %d%s%s. "
                        + "Rows: training %d, validation %d, test %d; test windows %d (rolling origin). "
                        + "Normalisation fitted on the training rows only.%n%n",
                c.lookback(), c.horizon(), c.season(), c.logTransform() ? ", log transform" : "",
                c.features().isEmpty() ? "" : ", inputs also " + String.join(", ", c.features()),
                split.trainEnd(), split.validationEnd() - split.trainEnd(), split.length() - split.validationEnd(),
                split.testOrigins().size()));
        md.append(table(rows).toMarkdown()).append('\n');
        md.append(reading(rows)).append("\n\n");
        md.append("MASE is scaled by the in-sample seasonal-naive error on the training rows; below 1 beats it in-sample.\n\n");
        md.append("![forecasts](").append(FORECAST_PLOT).append(")\n\n![learning curves](").append(CURVES_PLOT).append(")\n");
        return md.toString();
    }

    private static LineChart forecastPlot(ForecastApp.Prepared prepared, List<Forecaster> models) {
        ForecastData data = prepared.data();
        SplitPlan split = data.split();
        int from = Math.max(0, split.validationEnd() - 2 * split.horizon());
        double[] y = data.target();
        LineChart chart = new LineChart(prepared.config().sourceName() + ": test-part forecasts (origins every "
                + split.horizon() + " steps)", "step", prepared.config().target());
        chart.line("actual", steps(from, y.length), java.util.Arrays.copyOfRange(y, from, y.length));
        List<Integer> origins = split.tilingTestOrigins();
        for (Forecaster model : models) {
            chart.line(model.name(), tilingSteps(origins, split.horizon()), tilingValues(model.forecast(data, origins)));
        }
        List<Forecaster> baselines = List.of(new PersistenceForecaster(), new SeasonalNaiveForecaster(prepared.config().season()),
                LinearAutoregressiveForecaster.fit(data));
        for (Forecaster baseline : baselines) {
            chart.dashedLine(baseline.name(), tilingSteps(origins, split.horizon()), tilingValues(baseline.forecast(data, origins)));
        }
        return chart;
    }

    private static LineChart learningCurves(List<ForecastResultRow> rows) {
        LineChart chart = new LineChart("Validation loss per epoch (normalised MSE)", "epoch", "validation loss");
        for (ForecastResultRow row : rows) {
            if (row.epochs().isEmpty()) {
                continue;
            }
            List<EpochStats> epochs = row.epochs();
            double[] x = new double[epochs.size()];
            double[] v = new double[epochs.size()];
            for (int i = 0; i < epochs.size(); i++) {
                x[i] = epochs.get(i).epoch();
                v[i] = Math.max(1e-9, epochs.get(i).validationLoss());
            }
            chart.line(row.name(), x, v);
        }
        return chart;
    }

    private static double[] steps(int from, int to) {
        double[] x = new double[to - from];
        for (int i = 0; i < x.length; i++) {
            x[i] = from + i;
        }
        return x;
    }

    private static double[] tilingSteps(List<Integer> origins, int horizon) {
        List<Double> x = new ArrayList<>();
        for (int origin : origins) {
            for (int k = 0; k < horizon; k++) {
                x.add((double) origin + k);
            }
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] tilingValues(double[][] forecasts) {
        return java.util.Arrays.stream(forecasts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
