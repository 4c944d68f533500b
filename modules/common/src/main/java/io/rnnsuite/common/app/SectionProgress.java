package io.rnnsuite.common.app;

import io.rnnsuite.common.train.ProgressReporter;
import java.io.PrintStream;
import java.util.List;

/** How a compare section reports progress to the run's one progress display. */
public interface SectionProgress {

    /** A reporter for trainings of the models {@code labels}, one after another, under the heading {@code what}. */
    ProgressReporter reporter(String what, List<String> labels);

    /** A stream whose lines become progress notes (for sections that log as they go, such as the lab). */
    PrintStream lines(String prefix);

    /** Drops everything (tests). */
    SectionProgress SILENT = new SectionProgress() {
        @Override
        public ProgressReporter reporter(String what, List<String> labels) {
            return ProgressReporter.SILENT;
        }

        @Override
        public PrintStream lines(String prefix) {
            return new PrintStream(java.io.OutputStream.nullOutputStream());
        }
    };
}
