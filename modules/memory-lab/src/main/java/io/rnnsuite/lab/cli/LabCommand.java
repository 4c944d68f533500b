package io.rnnsuite.lab.cli;

import io.rnnsuite.lab.data.AddingProblem;
import io.rnnsuite.lab.data.CopyMemoryTask;
import io.rnnsuite.lab.data.MemoryTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn-suite lab adding | copy | gradients}: why LSTM exists, shown rather than told. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "The long-range-memory lab: SimpleRnn vs LSTM as the distance to remember grows.",
        subcommands = {LabCommand.Adding.class, LabCommand.Copy.class, GradientsCommand.class})
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The adding problem swept over lengths. */
    @Command(name = "adding", mixinStandardHelpOptions = true,
            description = "Adding problem: sum the two marked values of a long sequence (baseline MSE 1/6).")
    static final class Adding extends SweepCommand {
        @Override
        MemoryTask task() {
            return new AddingProblem();
        }
    }

    /** The copy-memory task swept over delays. */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy-memory task: reproduce 10 symbols after a delay of T steps (baseline 10·ln 8/(T+20)).")
    static final class Copy extends SweepCommand {
        @Override
        MemoryTask task() {
            return new CopyMemoryTask();
        }
    }
}
