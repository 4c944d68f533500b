/** The app's own flags beside the shared ones, and its extra verb {@code sample}. */
package io.rnnsuite.charlm.cli;
