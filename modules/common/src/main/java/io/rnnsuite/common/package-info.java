/**
 * The recurrent building blocks every rnn-suite app shares: {@link io.rnnsuite.common.CellType},
 * {@link io.rnnsuite.common.RecurrentSpec} and the one {@link io.rnnsuite.common.RecurrentLayerFactory}
 * that turns them into DL4J layers, so that switching a plain RNN for an LSTM is one flag and
 * one code path; plus the user-input error type and the native thread settings.
 */
package io.rnnsuite.common;
