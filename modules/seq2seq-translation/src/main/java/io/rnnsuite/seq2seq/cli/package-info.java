/** The translation app's own flags, beside the shared ones of {@code rnn-suite translate train / compare}. */
package io.rnnsuite.seq2seq.cli;
