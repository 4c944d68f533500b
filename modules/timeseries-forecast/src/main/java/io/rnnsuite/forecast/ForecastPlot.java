package io.rnnsuite.forecast;

import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.SplitPlan;
import io.rnnsuite.forecast.model.Baselines;
import io.rnnsuite.forecast.model.Forecaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forecast-against-truth plot: the actual values of the test part (and two horizons before
 * it) against each model's and each baseline's forecasts, from origins every H steps so that the
 * forecasts tile the test part without overlapping.
 */
public final class ForecastPlot {

    /** Its file name in a model directory and in a compare section. */
    public static final String FILE = "forecast.png";

    private ForecastPlot() {
    }

    /** Draws the plot into {@code file}. */
    public static void write(Path file, String title, String target, ForecastData data, int season, List<Forecaster> models)
            throws IOException {
        SplitPlan split = data.split();
        int from = Math.max(0, split.validationEnd() - 2 * split.horizon());
        double[] y = data.target();
        LineChart chart = new LineChart(title + ": test-part forecasts (origins every " + split.horizon() + " steps)",
                "step", target);
        double[] steps = new double[y.length - from];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = from + i;
        }
        chart.line("actual", steps, Arrays.copyOfRange(y, from, y.length));
        List<Integer> origins = split.tilingTestOrigins();
        double[] x = tilingSteps(origins, split.horizon());
        for (Forecaster model : models) {
            chart.line(model.name(), x, flatten(model.forecast(data, origins)));
        }
        for (Forecaster baseline : Baselines.fit(data, season)) {
            chart.dashedLine(baseline.name(), x, flatten(baseline.forecast(data, origins)));
        }
        chart.savePng(file, 900, 480);
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

    private static double[] flatten(double[][] forecasts) {
        return Arrays.stream(forecasts).flatMapToDouble(Arrays::stream).toArray();
    }
}
