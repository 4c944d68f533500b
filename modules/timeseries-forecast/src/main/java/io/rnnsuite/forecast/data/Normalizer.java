package io.rnnsuite.forecast.data;

import io.rnnsuite.common.UserInputException;

/**
 * Per-column z-scores (after an optional log of the target), fitted on the training rows only so
 * that nothing about validation or test values leaks into training. Saved beside the model.
 *
 * @param columns      the input columns, target first
 * @param means        per-column mean over the training rows (in log space for a logged target)
 * @param stds         per-column standard deviation (1 where a column is constant)
 * @param logTarget    whether column 0 (the target) is modelled as log(y)
 */
public record Normalizer(String[] columns, double[] means, double[] stds, boolean logTarget) {

    /**
     * Fits on {@code raw[c][0 .. trainEnd)}.
     *
     * @param raw      {@code raw[column][row]}, target first
     * @param trainEnd first row that is not training data
     */
    public static Normalizer fit(String[] columns, double[][] raw, int trainEnd, boolean logTarget, String source) {
        double[] means = new double[raw.length];
        double[] stds = new double[raw.length];
        for (int c = 0; c < raw.length; c++) {
            double sum = 0;
            for (int t = 0; t < trainEnd; t++) {
                sum += value(raw, c, t, logTarget, source, columns);
            }
            double mean = sum / trainEnd;
            double sq = 0;
            for (int t = 0; t < trainEnd; t++) {
                double d = value(raw, c, t, logTarget, source, columns) - mean;
                sq += d * d;
            }
            double std = Math.sqrt(sq / trainEnd);
            means[c] = mean;
            stds[c] = std > 1e-12 ? std : 1.0;
        }
        return new Normalizer(columns.clone(), means, stds, logTarget);
    }

    private static double value(double[][] raw, int c, int t, boolean logTarget, String source, String[] columns) {
        double v = raw[c][t];
        if (c == 0 && logTarget) {
            if (!(v > 0)) {
                throw new UserInputException(source + ": --log needs positive values in '" + columns[0] + "', row "
                        + (t + 1) + " holds " + v);
            }
            return Math.log(v);
        }
        return v;
    }

    /** Normalises one value of column {@code c}. */
    public double normalize(int c, double value) {
        double v = c == 0 && logTarget ? Math.log(value) : value;
        return (v - means[c]) / stds[c];
    }

    /** Inverts {@link #normalize} for the target column. */
    public double denormalizeTarget(double z) {
        double v = z * stds[0] + means[0];
        return logTarget ? Math.exp(v) : v;
    }
}
