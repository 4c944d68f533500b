/** The {@code rnn-suite translate} picocli commands. */
package io.rnnsuite.seq2seq.cli;
