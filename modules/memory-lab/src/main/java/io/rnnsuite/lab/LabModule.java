package io.rnnsuite.lab;

import io.rnnsuite.common.app.AppInfo;
import io.rnnsuite.common.app.AppModule;
import io.rnnsuite.common.app.CompareSection;
import io.rnnsuite.lab.cli.LabCommand;
import picocli.CommandLine;

/**
 * The memory lab's entry in the {@code rnn-suite} command line and in {@code compare}. It trains
 * on generated tasks and saves no model, so it implements {@link AppModule} directly rather than
 * the model-app contract.
 */
public final class LabModule implements AppModule {

    @Override
    public AppInfo info() {
        return new AppInfo("lab", "memory-lab", "Long-range memory lab",
                "The adding and copy-memory tasks over sequence length, gradient norms against time step.");
    }

    @Override
    public CommandLine command() {
        return new CommandLine(new LabCommand());
    }

    @Override
    public CompareSection compareSection() {
        return new LabCompareSection();
    }

    /** Last on the compare page: it explains the results above it. */
    @Override
    public int order() {
        return 900;
    }
}
