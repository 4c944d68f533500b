/**
 * The text a model learns from (a bundled corpus or the user's file), its contiguous
 * train / validation / test split with a training-part vocabulary, and the one-hot minibatches.
 */
package io.rnnsuite.charlm.data;
