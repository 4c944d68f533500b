/** Speech features: pre-emphasis, framing, window, FFT, log-mel filterbank, MFCC, deltas, per-utterance normalisation. */
package io.rnnsuite.speech.features;
