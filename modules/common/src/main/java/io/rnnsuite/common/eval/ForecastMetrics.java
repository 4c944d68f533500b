package io.rnnsuite.common.eval;

/**
 * Point-forecast errors over paired actual / predicted values (any number of windows and horizon
 * steps, flattened).
 *
 * <ul>
 *   <li>MAE = mean |y − ŷ|</li>
 *   <li>RMSE = sqrt(mean (y − ŷ)²)</li>
 *   <li>MASE = MAE ÷ the in-sample MAE of the one-season-back naive forecast on the training
 *       part (Hyndman &amp; Koehler 2006); below 1 beats seasonal naive in-sample.</li>
 *   <li>sMAPE = mean 200·|y − ŷ| ÷ (|y| + |ŷ|), in percent (0..200; a pair of zeros counts 0).</li>
 * </ul>
 *
 * @param mae   mean absolute error
 * @param rmse  root mean squared error
 * @param mase  mean absolute scaled error (NaN when the scale is zero)
 * @param smape symmetric mean absolute percentage error, percent
 * @param count number of paired values
 */
public record ForecastMetrics(double mae, double rmse, double mase, double smape, int count) {

    /**
     * Computes the metrics.
     *
     * @param actual    observed values
     * @param predicted forecasts, same length
     * @param maseScale the in-sample seasonal-naive MAE ({@link #seasonalNaiveScale})
     */
    public static ForecastMetrics of(double[] actual, double[] predicted, double maseScale) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted differ in length: " + actual.length + " vs " + predicted.length);
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no values to score");
        }
        double abs = 0;
        double sq = 0;
        double smape = 0;
        for (int i = 0; i < actual.length; i++) {
            double err = actual[i] - predicted[i];
            abs += Math.abs(err);
            sq += err * err;
            double denominator = Math.abs(actual[i]) + Math.abs(predicted[i]);
            smape += denominator == 0 ? 0 : 200.0 * Math.abs(err) / denominator;
        }
        int n = actual.length;
        double mae = abs / n;
        return new ForecastMetrics(mae, Math.sqrt(sq / n), maseScale > 0 ? mae / maseScale : Double.NaN, smape / n, n);
    }

    /**
     * The MASE denominator: mean |y_t − y_{t−m}| over the training values, for season length
     * {@code m} (use 1 for non-seasonal series).
     */
    public static double seasonalNaiveScale(double[] training, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1");
        }
        if (training.length <= season) {
            throw new IllegalArgumentException("need more than " + season + " training values for the MASE scale");
        }
        double sum = 0;
        for (int t = season; t < training.length; t++) {
            sum += Math.abs(training[t] - training[t - season]);
        }
        return sum / (training.length - season);
    }
}
