/** Measurements behind {@code speech bench}: the real-time factor of recognition and the memory of CTC training. */
package io.rnnsuite.speech.bench;
