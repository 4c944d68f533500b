package io.rnnsuite.common.cli;

import picocli.CommandLine.Option;

/** {@code --resume}, one meaning on every training command: continue in {@code --output-dir}. */
public class ResumeOption {

    @Option(names = "--resume",
            description = "Continue from the checkpoint that an interrupted run left in --output-dir (default: ${DEFAULT-VALUE}).")
    public boolean resume;
}
