package io.rnnsuite.charlm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code charlm}: character language models (train, evaluate, sample, compare). */
@Command(name = "charlm", mixinStandardHelpOptions = true,
        description = "Character language models: SimpleRnn / LSTM with truncated BPTT, bits per character beside n-gram baselines, sampling.",
        subcommands = {
                TrainCommand.class,
                EvaluateCommand.class,
                SampleCommand.class,
                CompareCommand.class
        })
public final class CharLmCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs {@code charlm} on its own (the {@code rnn-suite} launcher gathers it with the other apps). */
    public static void main(String[] args) {
        System.exit(io.rnnsuite.common.cli.CliErrors.install(new CommandLine(new CharLmCommand())).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
