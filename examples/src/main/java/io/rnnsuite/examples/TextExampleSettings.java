package io.rnnsuite.examples;

import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.ResumeOption;
import io.rnnsuite.common.cli.RunOptions;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.model.ClassifierModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of the text-classification examples, parsed by picocli with the project's one-line
 * errors: {@code --quick}, common's run flags ({@code --output-dir}, {@code --budget},
 * {@code --threads}) and {@code --resume}.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
final class TextExampleSettings implements Callable<Integer> {

    /** What an example returns: the train run's outcome. */
    interface Body extends Function<TextExampleSettings, TrainRun.Outcome<TextClassificationConfig, ClassifierModel>> {
    }

    /** Exit code of the last {@link #execute}, for the examples' {@code main}. */
    static volatile int lastExitCode;

    @Option(names = "--quick", description = "1 epoch of 5 batches: a smoke run of a few seconds (default: ${DEFAULT-VALUE}).")
    boolean quick;
    @Mixin
    RunOptions run;
    @Mixin
    ResumeOption resume = new ResumeOption();

    private final Body body;
    private TrainRun.Outcome<TextClassificationConfig, ClassifierModel> outcome;

    private TextExampleSettings(Path defaultOutputDir, Body body) {
        this.run = new RunOptions(defaultOutputDir);
        this.body = body;
    }

    /**
     * Parses {@code args} and runs {@code body} with them.
     *
     * @return the outcome, or {@code null} when nothing trained ({@code --help}, or a mistake,
     *         already reported as one line {@code error: ...})
     */
    static TrainRun.Outcome<TextClassificationConfig, ClassifierModel> execute(String name, Path defaultOutputDir,
                                                                               String[] args, Body body) {
        TextExampleSettings settings = new TextExampleSettings(defaultOutputDir, body);
        lastExitCode = CliErrors.install(new CommandLine(settings).setCommandName(name)).execute(args);
        return settings.outcome;
    }

    @Override
    public Integer call() {
        run.applyThreads();
        outcome = body.apply(this);
        return 0;
    }

    /** {@code config} under {@code --budget}, cut to 1 epoch of 5 batches with {@code --quick}. */
    TextClassificationConfig sized(TextClassificationConfig config) {
        TrainingConfig t = config.training();
        if (quick) {
            t = new TrainingConfig(1, t.batchSize(), t.learningRate(), t.patience(), t.clipNorm(), t.seed(), 5, 0);
        }
        return config.withTraining(t.withTimeBudget(run.budgetOrNull()));
    }
}
