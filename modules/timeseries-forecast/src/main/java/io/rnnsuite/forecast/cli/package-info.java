/** The {@code rnn-suite forecast} commands: train, evaluate, predict, compare. */
package io.rnnsuite.forecast.cli;
