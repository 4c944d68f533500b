/** Connectionist temporal classification: the loss with its exact gradient, greedy and prefix-beam decoding, error rates. */
package io.rnnsuite.speech.ctc;
