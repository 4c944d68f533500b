/**
 * The {@code rnn-suite} command line ({@link io.rnnsuite.examples.RnnSuiteCommand}) that gathers
 * every app's commands, and one short narrative example main per scenario.
 */
package io.rnnsuite.examples;
