package io.rnnsuite.datasets;

/**
 * What the forecasting app needs to know about a bundled series.
 *
 * @param timeColumn    the column holding the month / step label
 * @param defaultTarget the column forecast when the user names none
 * @param seasonPeriod  steps per season for seasonal-naive and MASE (1 = no season)
 * @param frequency     human description ("monthly", "half-hourly")
 */
public record SeriesHints(String timeColumn, String defaultTarget, int seasonPeriod, String frequency) {
}
