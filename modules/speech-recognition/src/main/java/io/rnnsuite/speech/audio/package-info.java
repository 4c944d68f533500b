/** Audio in: WAV files to mono float samples, resampling to the feature rate, noise the project makes itself. */
package io.rnnsuite.speech.audio;
