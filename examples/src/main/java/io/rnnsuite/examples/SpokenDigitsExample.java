package io.rnnsuite.examples;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.ConsoleReport;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.RunOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.speech.SpeechApp;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.model.SpeechModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Spoken digits and command words ("zero" … "nine", "yes", "no", "stop", "go") recognised from
 * audio by a bidirectional LSTM, tested on voices it never heard.
 *
 * <ol>
 *   <li>Data: generated on first use with espeak-ng (or, where it is not installed, FreeTTS's
 *       pseudo-speakers) into {@code data/speech} (24 training voices, 4 validation voices, 6 test
 *       voices of other timbres), plus noisy copies at 20 / 10 / 5 dB.</li>
 *   <li>Features: 13 MFCCs + deltas + delta-deltas every 10 ms, normalised per utterance.</li>
 *   <li>Model: a BiLSTM over the frames, mean over the frames, softmax over the 14 words.</li>
 *   <li>Train with early stopping (the shared train run), score beside the majority and the
 *       pooled-MFCC logistic regression, clean and by SNR, and save the model directory.</li>
 * </ol>
 *
 * <p>Run: {@code scripts/rnn-suite speech train --cell lstm --bidirectional} does the same. This
 * main takes common's {@code --output-dir}, {@code --budget}, {@code --threads}, and {@code --quick}
 * (20 training voices, 2 + 2 others, 8 units, 2 epochs: a smoke run).
 */
public final class SpokenDigitsExample implements Callable<TrainRun.Outcome<SpeechConfig, SpeechModel>> {

    @Option(names = "--quick", description = "Few voices, 8 units, 2 epochs (default: ${DEFAULT-VALUE}).")
    boolean quick;
    @Mixin
    RunOptions run = new RunOptions(Path.of("models", "spoken-digits-bilstm"));

    public static void main(String[] args) {
        run(args);
    }

    /** Parses {@code args}, runs the example and returns the train run's outcome ({@code null} after a usage error). */
    public static TrainRun.Outcome<SpeechConfig, SpeechModel> run(String... args) {
        CommandLine line = CliErrors.install(new CommandLine(new SpokenDigitsExample()));
        line.execute(args);
        return line.getExecutionResult();
    }

    @Override
    public TrainRun.Outcome<SpeechConfig, SpeechModel> call() {
        run.applyThreads();
        SpeechApp app = new SpeechApp();
        // 1-3. Data, features and a bidirectional LSTM (or a tiny one for a smoke run)
        SpeechConfig config = app.defaults(quick);
        TrainingConfig t = config.training();
        int hidden = quick ? 8 : config.recurrent().hiddenSize();
        config = config.with(new RecurrentSpec(CellType.LSTM, hidden, 1, true, 0.0),
                new TrainingConfig(quick ? 2 : t.maxEpochs(), t.batchSize(), t.learningRate(), t.patience(), t.clipNorm(),
                        t.seed(), 0, 0).withTimeBudget(run.budgetOrNull()));
        // 4. Train, evaluate beside the baselines, write the model directory
        TrainRun.Outcome<SpeechConfig, SpeechModel> outcome = TrainRun.run(app, config, run.outputDir, false,
                ConsoleProgress.onStderr("spoken-digits"));
        System.out.print(ConsoleReport.train(app, outcome));
        return outcome;
    }
}
