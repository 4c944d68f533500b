/**
 * {@code rnn-suite bench}: training and inference speed of the recurrent layers (rnn-suite's fast
 * ones and DL4J's stock ones) on fixed shapes, with the FLOP rate each reaches against the
 * machine's measured matrix-product peak. {@code scripts/bench/pytorch_reference.py} measures the
 * same cases in PyTorch and writes the same JSON schema; {@code scripts/bench/compare.sh} runs both.
 */
package io.rnnsuite.examples.bench;
