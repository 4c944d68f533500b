package io.rnnsuite.examples;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.ConsoleReport;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.RunOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.seq2seq.TranslateApp;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.model.Translator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Spelled-out numbers from English to French, character by character: "three hundred forty-two"
 * → "trois cent quarante-deux". An LSTM encoder reads the English characters; an LSTM decoder
 * writes the French ones, conditioned on the encoder's last state and, here, attending over all of
 * the encoder's steps.
 *
 * <ol>
 *   <li>Data: 3,000 pairs of {@code numbers-en-fr}, generated with ICU4J's spell-out rules (no
 *       download), split 80/10/10 by distinct source, so no test number is ever seen in training.</li>
 *   <li>Configuration: the app's defaults (LSTM, 96 units, character tokens) plus attention.</li>
 *   <li>Train with teacher forcing, early stopping on the validation loss (the shared train run).</li>
 *   <li>Evaluate on the test split (exact match, BLEU, chrF) beside the copy-source and
 *       nearest-neighbour baselines, and save the model directory.</li>
 *   <li>Translate a few numbers with the trained model, greedy, one decoder step per character.</li>
 * </ol>
 *
 * <p>Run: {@code scripts/rnn-suite translate train --attention} does the same from the command
 * line. This main takes common's {@code --output-dir}, {@code --budget}, {@code --threads}, and
 * {@code --quick} (200 pairs, 8 units, one epoch of 5 batches: a smoke run of seconds).
 */
public final class NumbersTranslationExample implements Callable<TrainRun.Outcome<TranslationConfig, Translator>> {

    @Option(names = "--quick", description = "Tiny network, 1 epoch of 5 batches on 200 pairs (default: ${DEFAULT-VALUE}).")
    boolean quick;
    @Mixin
    RunOptions run = new RunOptions(Path.of("models", "numbers-en-fr-attention"));

    public static void main(String[] args) {
        run(args);
    }

    /** Parses {@code args}, runs the example and returns the train run's outcome ({@code null} after a usage error). */
    public static TrainRun.Outcome<TranslationConfig, Translator> run(String... args) {
        CommandLine line = CliErrors.install(new CommandLine(new NumbersTranslationExample()));
        line.execute(args);
        return line.getExecutionResult();
    }

    @Override
    public TrainRun.Outcome<TranslationConfig, Translator> call() {
        run.applyThreads();
        TranslateApp app = new TranslateApp();
        // 1 + 2. Data and configuration: the defaults plus attention, or a tiny network for a smoke run
        TranslationConfig config = app.defaults(false);
        config = config.withEncoder(config.encoder(), true);
        if (quick) {
            TrainingConfig t = config.training();
            config = config.withData(PairSource.generated(config.data().dataset(), 200, false))
                    .withEncoder(new RecurrentSpec(CellType.LSTM, 8, 1, false, 0.0), true)
                    .withTraining(new TrainingConfig(1, t.batchSize(), t.learningRate(), t.patience(), t.clipNorm(), t.seed(), 5, 0));
        }
        config = config.withTraining(config.training().withTimeBudget(run.budgetOrNull()));

        // 3 + 4. Train, evaluate beside the baselines, write the model directory
        TrainRun.Outcome<TranslationConfig, Translator> outcome = TrainRun.run(app, config, run.outputDir, false,
                ConsoleProgress.onStderr("numbers-en-fr"));
        System.out.print(ConsoleReport.train(app, outcome));

        // 5. Use it
        List<String> numbers = List.of("three hundred forty-two", "seventy-one", "eighty");
        app.predict(outcome.trained().model(), numbers).forEach(t -> System.out.println("  → " + t));
        return outcome;
    }
}
