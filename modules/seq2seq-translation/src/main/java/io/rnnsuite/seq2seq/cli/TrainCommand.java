package io.rnnsuite.seq2seq.cli;

import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.seq2seq.TrainRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code translate train}: train one encoder–decoder and save it as a model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a translator, report test exact match / BLEU / chrF and write a model directory.")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    RecurrentOptions recurrent = ModelOptions.recurrentDefaults();
    @Mixin
    TrainingOptions training = ModelOptions.trainingDefaults();

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Model directory to write (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("models", "seq2seq-translation");

    @Option(names = "--resume", description = "Continue from the checkpoint in --output-dir (default: ${DEFAULT-VALUE}).")
    boolean resume;

    @Override
    public Integer call() {
        TrainRun.run(data.toSource(), model.toConfig(recurrent.toSpec(), training.toConfig()), outputDir, resume,
                System.out, ConsoleProgress.onStderr("train"));
        return 0;
    }
}
