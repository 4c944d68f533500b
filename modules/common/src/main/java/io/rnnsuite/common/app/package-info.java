/**
 * The app contract: what every recurrent-network app implements once ({@link io.rnnsuite.common.app.RnnApp}),
 * and what is written once against it for all of them: the train run ({@link io.rnnsuite.common.app.TrainRun}),
 * the compare run ({@link io.rnnsuite.common.app.CompareRun}), the {@code train / evaluate / predict / compare}
 * commands ({@link io.rnnsuite.common.app.AppCommands}), the section of {@code rnn-suite compare}
 * ({@link io.rnnsuite.common.app.ModelCompareSection}) and the console output ({@link io.rnnsuite.common.app.ConsoleReport}).
 *
 * <p>An app module registers itself in {@code META-INF/services/io.rnnsuite.common.app.AppModule};
 * {@link io.rnnsuite.common.app.Apps#all()} finds it. Library code here returns values and never prints.
 */
package io.rnnsuite.common.app;
