package io.rnnsuite.examples;

import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.cli.CharLmOptions;
import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.charlm.model.SamplingOptions;
import io.rnnsuite.common.app.ConsoleReport;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.RunOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A character language model, from text to generated text.
 *
 * <ol>
 *   <li>Data: the English Europarl sample bundled at build time ({@code --corpus}, or
 *       {@code --text FILE}), split 90/5/5 in order; the character vocabulary comes from the
 *       training part only.</li>
 *   <li>Configuration: the app's documented defaults ({@link CharLmConfig#defaults()}: a 2-layer
 *       LSTM(128) over one-hot characters, sequences of 100, truncated BPTT over 50), trained here
 *       for 3 epochs of 150 minibatches at learning rate 0.003; every flag is common's or the app's.</li>
 *   <li>Training and evaluation: {@link TrainRun} trains with early stopping, scores the test part in
 *       bits per character beside a unigram and Witten–Bell 3- and 5-gram models, and writes the
 *       model directory ({@code model.zip}, {@code vocabulary.json}, {@code app-config.json},
 *       {@code run.json}) to {@code --output-dir}.</li>
 *   <li>Inference: 300 characters sampled after "The " at temperature 0.8, one {@code rnnTimeStep}
 *       each.</li>
 * </ol>
 * The default run takes about half an hour on 2 busy cores and reaches roughly the n-gram's level;
 * {@code --epochs 1 --max-batches 2} is a smoke test.
 */
@Command(name = "char-lm-example", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a character language model, score it beside n-gram baselines, sample from it.")
public final class CharLmExample implements Callable<Integer> {

    /** What the example produced: the exit code, the train run (null after an error) and the sample. */
    public record Result(int exitCode, TrainRun.Outcome<CharLmConfig, CharLmModel> outcome, String sample) {
    }

    @Mixin CharLmOptions data = new CharLmOptions();
    @Mixin RecurrentOptions recurrent = new RecurrentOptions(CharLmConfig.defaults().recurrentSpec());
    @Mixin TrainingOptions training = new TrainingOptions(new TrainingConfig(3, 32, 0.003, 10, 1.0, 42L, 150, 0));
    @Mixin RunOptions run = new RunOptions(Path.of("models", "char-lm-example"));
    private Result result = new Result(0, null, null);

    public static void main(String[] args) {
        System.exit(run(args).exitCode());
    }

    public static Result run(String... args) {
        CharLmExample example = new CharLmExample();
        int code = CliErrors.install(new CommandLine(example)).execute(args);
        return code == 0 ? example.result : new Result(code, null, null);
    }

    @Override
    public Integer call() {
        CharLmApp app = new CharLmApp();
        run.applyThreads();

        // 1-2. Data and configuration: the flags become one CharLmConfig, saved as app-config.json
        CharLmConfig config = data.toConfig(recurrent.toSpec(), training.toConfig().withTimeBudget(run.budgetOrNull()));

        // 3. Training and evaluation beside the count-based baselines, then the model directory
        TrainRun.Outcome<CharLmConfig, CharLmModel> outcome = TrainRun.run(app, config, run.outputDir, false,
                ConsoleProgress.onStderr("charlm"));
        System.out.print(ConsoleReport.train(app, outcome));

        // 4. Inference: stateful sampling, printed as it is generated
        System.out.print(CharLmApp.DEFAULT_PRIME);
        String sample = outcome.trained().model().sampler().sample(CharLmApp.DEFAULT_PRIME,
                new SamplingOptions(300, 0.8, 0, 42L), System.out::print);
        System.out.println();
        result = new Result(0, outcome, sample);
        return 0;
    }
}
