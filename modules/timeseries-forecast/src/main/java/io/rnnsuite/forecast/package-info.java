/**
 * timeseries-forecast: read a CSV series, cut it into sliding windows (lookback L → next H
 * values), train a SimpleRnn / LSTM / BiLSTM on them, and score it beside persistence,
 * seasonal-naive and linear-autoregressive baselines with the same evaluation code.
 */
package io.rnnsuite.forecast;
