package io.rnnsuite.common.app;

import java.io.IOException;
import java.nio.file.Path;

/** One app inside {@code rnn-suite compare}. */
public interface CompareSection {

    /** The name used by {@code --apps}. */
    String app();

    /** How many models this section trains on the shared per-model budget. */
    int modelCount(CompareSettings settings);

    /**
     * Seconds this section trains on budgets of its own rather than the shared per-model one (for
     * the whole run's ETA); 0 for most.
     */
    default double fixedSeconds(CompareSettings settings) {
        return 0;
    }

    /** Trains, evaluates and writes this app's files into {@code dir}, reporting every training to {@code progress}. */
    SectionResult run(CompareSettings settings, Path dir, SectionProgress progress) throws IOException;
}
