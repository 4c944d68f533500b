package io.rnnsuite.textclf.cli;

import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.textclf.CompareRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code classify compare}: recurrent variants and baselines on one dataset → table, report, confusion PNG. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train each cell variant and both baselines on the same split; print and write a report.")
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    RecurrentOptions recurrent = ModelOptions.recurrentDefaults();
    @Mixin
    TrainingOptions training = ModelOptions.trainingDefaults();

    @Option(names = "--cells", paramLabel = "LIST", split = ",",
            description = "Recurrent variants to train (default: ${DEFAULT-VALUE}).")
    List<String> cells = List.of("simple_rnn", "lstm", "bilstm");

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where report.md and confusion.png go (default: ${DEFAULT-VALUE}).")
    Path reportDir = Path.of("reports", "text-classification");

    @Override
    public Integer call() {
        CompareRun.run(data.toSource(), model.toConfig(recurrent.toSpec(), training.toConfig()), cells, reportDir,
                System.out, ConsoleProgress.onStderr("compare"));
        return 0;
    }
}
