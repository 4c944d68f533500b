package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.data.ForecastData;
import java.util.List;

/**
 * A linear autoregressive model on exactly the network's inputs and targets: every input value of
 * the window (all columns, all L steps, normalised) plus a bias, mapped to the H targets by ridge
 * least squares, one regression per step ("direct" multi-step). The ridge strength is chosen from
 * a fixed grid by validation error, never by test error.
 */
public final class LinearAutoregressiveForecaster implements Forecaster {

    private static final double[] RIDGE_GRID = {1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100};

    private final double[][] weights;
    private final double ridge;

    private LinearAutoregressiveForecaster(double[][] weights, double ridge) {
        this.weights = weights;
        this.ridge = ridge;
    }

    /** Fits on the training windows; picks the ridge strength on the validation windows. */
    public static LinearAutoregressiveForecaster fit(ForecastData data) {
        List<Integer> train = data.split().trainOrigins();
        List<Integer> validation = data.split().validationOrigins();
        double[][] x = design(data, train);
        double[][] y = targets(data, train);
        LinearAutoregressiveForecaster best = null;
        double bestError = Double.MAX_VALUE;
        for (double lambda : RIDGE_GRID) {
            LinearAutoregressiveForecaster candidate = new LinearAutoregressiveForecaster(RidgeRegression.solve(x, y, lambda), lambda);
            double error = validation.isEmpty() ? 0 : candidate.modelSpaceError(data, validation);
            if (best == null || error < bestError) {
                best = candidate;
                bestError = error;
            }
        }
        return best;
    }

    /** The chosen ridge strength. */
    public double ridge() {
        return ridge;
    }

    @Override
    public String name() {
        return "linear_ar";
    }

    @Override
    public double[][] forecast(ForecastData data, List<Integer> origins) {
        double[][] out = new double[origins.size()][];
        for (int w = 0; w < origins.size(); w++) {
            out[w] = data.toTargetScale(origins.get(w), predictModelSpace(row(data, origins.get(w))));
        }
        return out;
    }

    private double modelSpaceError(ForecastData data, List<Integer> origins) {
        double sum = 0;
        int n = 0;
        for (int origin : origins) {
            double[] predicted = predictModelSpace(row(data, origin));
            double[] actual = data.modelTargets(origin);
            for (int k = 0; k < actual.length; k++) {
                double d = predicted[k] - actual[k];
                sum += d * d;
                n++;
            }
        }
        return sum / n;
    }

    private double[] predictModelSpace(double[] features) {
        double[] out = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            double s = 0;
            for (int j = 0; j < features.length; j++) {
                s += weights[k][j] * features[j];
            }
            out[k] = s;
        }
        return out;
    }

    private static double[][] design(ForecastData data, List<Integer> origins) {
        double[][] x = new double[origins.size()][];
        for (int i = 0; i < origins.size(); i++) {
            x[i] = row(data, origins.get(i));
        }
        return x;
    }

    private static double[][] targets(ForecastData data, List<Integer> origins) {
        double[][] y = new double[origins.size()][];
        for (int i = 0; i < origins.size(); i++) {
            y[i] = data.modelTargets(origins.get(i));
        }
        return y;
    }

    /** Window inputs flattened, with a trailing 1 for the bias. */
    private static double[] row(ForecastData data, int origin) {
        double[][] window = data.inputWindow(origin);
        int width = window[0].length;
        double[] row = new double[window.length * width + 1];
        for (int c = 0; c < window.length; c++) {
            System.arraycopy(window[c], 0, row, c * width, width);
        }
        row[row.length - 1] = 1.0;
        return row;
    }
}
