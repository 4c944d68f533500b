package io.rnnsuite.common.app;

import picocli.CommandLine;

/**
 * One entry of the {@code rnn-suite} command line, found through {@link java.util.ServiceLoader}
 * (a line in {@code META-INF/services/io.rnnsuite.common.app.AppModule}). A model app implements
 * {@link RnnApp}, which provides both methods; a module that trains no saved model (the memory
 * lab) implements this directly.
 */
public interface AppModule {

    AppInfo info();

    /** Its subcommand, with everything below it. */
    CommandLine command();

    /** Its part of {@code rnn-suite compare}, or {@code null} if it takes none. */
    CompareSection compareSection();

    /** Where it stands in the compare page and in {@code --help} (lower first; ties by name). */
    default int order() {
        return 100;
    }
}
