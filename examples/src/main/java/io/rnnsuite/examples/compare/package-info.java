/**
 * {@code rnn-suite compare}, the main job: one {@link io.rnnsuite.examples.compare.CompareSection}
 * per app, run under one time budget shared equally by every model, gathered into
 * {@code index.html}, {@code summary.md} and {@code results.json}.
 */
package io.rnnsuite.examples.compare;
