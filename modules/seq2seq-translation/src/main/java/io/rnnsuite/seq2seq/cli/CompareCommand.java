package io.rnnsuite.seq2seq.cli;

import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.seq2seq.CompareRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code translate compare}: SimpleRnn vs LSTM vs BiLSTM encoder vs LSTM + attention, greedy and beam. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train SimpleRnn, LSTM, BiLSTM-encoder and LSTM+attention translators on the same pairs and compare them.")
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    RecurrentOptions recurrent = ModelOptions.recurrentDefaults();
    @Mixin
    TrainingOptions training = ModelOptions.trainingDefaults();

    @Option(names = "--compare-beam", paramLabel = "K", description = "Beam width of the beam column (default: ${DEFAULT-VALUE}).")
    int compareBeam = 4;

    @Option(names = "--budget", paramLabel = "SECONDS", description = "Training time budget per model; 0 = none, train for --epochs (early stopping aside) (default: ${DEFAULT-VALUE}).")
    long budgetSeconds = 300;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where seq2seq-compare.md and the attention heat map go (default: ${DEFAULT-VALUE}).")
    Path reportDir = Path.of("reports", "seq2seq");

    @Override
    public Integer call() {
        CompareRun.run(data.toSource(), model.toConfig(recurrent.toSpec(), training.toConfig()), compareBeam,
                Duration.ofSeconds(budgetSeconds), reportDir, System.out, ConsoleProgress.onStderr("compare"));
        return 0;
    }
}
