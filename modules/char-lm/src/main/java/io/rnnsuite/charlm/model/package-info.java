/**
 * The character network (one-hot characters, recurrent stack, softmax per step, truncated BPTT),
 * its scoring as a next-character model, and stateful sampling through {@code rnnTimeStep}.
 */
package io.rnnsuite.charlm.model;
