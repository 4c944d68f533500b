/**
 * The one training loop every app uses ({@link io.rnnsuite.common.train.Trainer}): epochs of
 * minibatches, validation each epoch, early stopping, a NaN/Inf guard, the best model written
 * atomically, per-epoch checkpoints for {@code --resume}, and a console progress bar.
 */
package io.rnnsuite.common.train;
