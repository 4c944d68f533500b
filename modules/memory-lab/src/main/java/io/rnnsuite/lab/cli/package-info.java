/** {@code rnn-suite lab adding | copy | gradients}: the picocli commands of the long-range-memory lab. */
package io.rnnsuite.lab.cli;
