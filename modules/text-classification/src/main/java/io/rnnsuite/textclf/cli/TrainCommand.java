package io.rnnsuite.textclf.cli;

import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.TrainRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code classify train}: train one recurrent classifier and save it as a model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier, report test accuracy / macro-F1 and write a model directory.")
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
    Path outputDir = Path.of("models", "text-classification");

    @Option(names = "--resume", description = "Continue from the checkpoint in --output-dir (default: ${DEFAULT-VALUE}).")
    boolean resume;

    @Override
    public Integer call() {
        TextClassificationConfig config = model.toConfig(recurrent.toSpec(), training.toConfig());
        TrainRun.run(data.toSource(), config, outputDir, resume, System.out, ConsoleProgress.onStderr("train"));
        return 0;
    }
}
