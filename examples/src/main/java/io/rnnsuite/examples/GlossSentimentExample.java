package io.rnnsuite.examples;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.app.ConsoleReport;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.ClassifierModel;
import java.nio.file.Path;

/**
 * Is a definition positive or negative? A bidirectional LSTM reads SentiWordNet 3.0 glosses whose
 * positive and negative scores differ by at least 0.5 (2,759 positive, 4,746 negative).
 *
 * <ol>
 *   <li>Data: {@code sentiment/sentiwordnet.txt} inside the {@code deeplearning4j-nlp} Maven
 *       dependency (checked by SHA-256). The labels were assigned automatically, so they are
 *       noisy: expect accuracy well below what the topic task reaches.</li>
 *   <li>Configuration: the defaults, but one bidirectional LSTM with mean pooling (the last step
 *       of the backward direction has read only one word).</li>
 *   <li>Train, evaluate beside the baselines and save as in {@link WordNetTopicsExample};
 *       macro-F1 matters more than accuracy here because the classes are unbalanced (63 % negative).</li>
 * </ol>
 *
 * <p>Flags: {@code --quick}, {@code --output-dir}, {@code --budget}, {@code --threads},
 * {@code --resume}. Command line: {@code scripts/rnn-suite classify train --dataset
 * gloss-sentiment --bidirectional}.
 */
public final class GlossSentimentExample {

    private static final TextClassificationApp APP = new TextClassificationApp();

    private GlossSentimentExample() {
    }

    public static void main(String[] args) {
        run(args);
        System.exit(TextExampleSettings.lastExitCode);
    }

    /** Runs the example; returns the train run's outcome, or {@code null} after {@code --help} or a mistake. */
    public static TrainRun.Outcome<TextClassificationConfig, ClassifierModel> run(String... args) {
        return TextExampleSettings.execute("gloss-sentiment-example", Path.of("models", "gloss-sentiment-bilstm"), args,
                settings -> {
                    // 1. Data: SentiWordNet glosses with a clear polarity
                    TextSource source = TextSource.bundled("gloss-sentiment", false);

                    // 2. Configuration: one bidirectional LSTM, mean over time steps
                    TextClassificationConfig defaults = TextClassificationConfig.defaults(source);
                    RecurrentSpec biLstm = new RecurrentSpec(CellType.LSTM, defaults.recurrent().hiddenSize(), 1, true, 0.0);
                    TextClassificationConfig config = settings.sized(defaults.withRecurrent(biLstm, SequencePooling.MEAN));

                    // 3. Train, evaluate on the test split beside the baselines, save
                    TrainRun.Outcome<TextClassificationConfig, ClassifierModel> outcome = TrainRun.run(APP, config,
                            settings.run.outputDir, settings.resume.resume, ConsoleProgress.onStderr("gloss-sentiment"));
                    System.out.print(ConsoleReport.train(APP, outcome));
                    return outcome;
                });
    }
}
