package io.rnnsuite.charlm.cli;

import io.rnnsuite.charlm.CharLmComparison;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code charlm compare}: SimpleRnn, LSTM and 2-layer LSTM under one time budget beside the n-gram baselines. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train SimpleRnn, LSTM and 2-layer LSTM for the same time and compare them with n-gram baselines.")
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions corpus;
    @Mixin
    CharLmOptions model;
    @Mixin
    TrainingOptions training;

    @Option(names = "--budget", paramLabel = "SECONDS",
            description = "Wall-clock training budget per model (default: ${DEFAULT-VALUE}).")
    long budgetSeconds = 300;

    @Option(names = "--epoch-batches", paramLabel = "N",
            description = "Minibatches between validations (one learning-curve point) unless --max-batches is set (default: ${DEFAULT-VALUE}).")
    int epochBatches = 100;

    @Option(names = "--prime", paramLabel = "TEXT", description = "Prime of the report's samples (default: ${DEFAULT-VALUE}).")
    String prime = "The ";

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the report goes (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("reports", "char-lm");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (training.maxBatches == 0) {
            training.maxBatches = epochBatches;
        }
        if (budgetSeconds < 1) {
            throw new io.rnnsuite.common.UserInputException("--budget must be at least 1 second, got " + budgetSeconds);
        }
        TrainingConfig config = training.toConfig().withTimeBudget(Duration.ofSeconds(budgetSeconds));
        CharLmComparison.Outcome outcome = new CharLmComparison(model.toConfig(), config,
                label -> ConsoleProgress.onStderr("charlm " + label)).run(corpus.load(), prime, outputDir);
        PrintWriter out = spec.commandLine().getOut();
        out.print(outcome.table().toText());
        out.println("report: " + outcome.report());
        out.flush();
        return 0;
    }
}
