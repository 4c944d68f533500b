package io.rnnsuite.examples.compare;

import java.io.IOException;
import java.nio.file.Path;

/** One app inside {@code rnn-suite compare}. */
public interface CompareSection {

    /** The name used by {@code --apps}. */
    String app();

    /** How many models this section trains (for sharing the budget). */
    int modelCount(CompareSettings settings);

    /** Trains, evaluates and writes this app's files into {@code dir}. */
    SectionResult run(CompareSettings settings, Path dir) throws IOException;
}
