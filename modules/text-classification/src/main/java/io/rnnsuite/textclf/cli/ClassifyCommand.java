package io.rnnsuite.textclf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnn-suite classify}: train, evaluate, predict and compare text classifiers. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Text classification with SimpleRnn / LSTM / BiLSTM over learned word embeddings.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, CompareCommand.class})
public final class ClassifyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
