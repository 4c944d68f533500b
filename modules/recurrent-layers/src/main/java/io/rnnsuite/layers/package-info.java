/**
 * Fast recurrent layers for DL4J: {@link io.rnnsuite.layers.FastSimpleRnn} and
 * {@link io.rnnsuite.layers.FastLstm} (drop-in replacements for DL4J's {@code SimpleRnn} and
 * {@code LSTM}, same maths and parameter layout), {@link io.rnnsuite.layers.Gru} (which DL4J
 * lacks), {@link io.rnnsuite.layers.FastBidirectional} and {@link io.rnnsuite.layers.MaskedBidirectional}
 * (DL4J's wrapper around any layer; both read a padded sequence backwards from its own last real
 * step). The element-wise gate maths runs fused
 * in one pass with the JDK Vector API ({@code --add-modules jdk.incubator.vector}; scalar code
 * otherwise) and the matrix products call OpenBLAS directly ({@link io.rnnsuite.layers.BlasThreads}).
 * {@link io.rnnsuite.layers.FastStepper}, {@link io.rnnsuite.layers.FastForward} and
 * {@link io.rnnsuite.layers.ConditionedStepper} run trained networks of these layers for single
 * requests (one step, one sequence, a decoder's rows) without DL4J's per-call work.
 * Depends on DL4J, ND4J and OpenBLAS only.
 */
package io.rnnsuite.layers;
