package io.rnnsuite.seq2seq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn-suite translate}: train, evaluate, use and compare encoder–decoder translators. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "English → French translation (numbers, dates, or your own pairs) with a recurrent encoder–decoder.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, CompareCommand.class})
public final class TranslateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
