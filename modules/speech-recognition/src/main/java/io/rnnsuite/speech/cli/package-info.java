/** The speech app's own flags. */
package io.rnnsuite.speech.cli;
