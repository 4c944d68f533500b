/** The {@code charlm} picocli commands: train, evaluate, sample, compare. */
package io.rnnsuite.charlm.cli;
