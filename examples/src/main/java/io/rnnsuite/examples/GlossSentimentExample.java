package io.rnnsuite.examples;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.TrainRun;
import io.rnnsuite.textclf.data.TextSource;
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
 *   <li>Train, evaluate and save as in {@link WordNetTopicsExample}; macro-F1 matters more than
 *       accuracy here because the classes are unbalanced (63 % negative).</li>
 * </ol>
 *
 * <p>Run: {@code scripts/rnn-suite classify train --dataset gloss-sentiment --bidirectional}.
 */
public final class GlossSentimentExample {

    private GlossSentimentExample() {
    }

    public static void main(String[] args) {
        run(args);
    }

    /** Runs the example ({@code --quick} for a smoke run) and returns the trained model's result. */
    public static TrainRun.Result run(String... args) {
        TextExampleSettings settings = TextExampleSettings.parse(args, Path.of("models", "gloss-sentiment-bilstm"));

        // 1. Data: SentiWordNet glosses with a clear polarity
        TextSource source = TextSource.bundled("gloss-sentiment", false);

        // 2. Configuration: one bidirectional LSTM, mean over time steps
        TextClassificationConfig defaults = TextClassificationConfig.defaults();
        RecurrentSpec biLstm = new RecurrentSpec(CellType.LSTM, defaults.recurrent().hiddenSize(), 1, true, 0.0);
        TextClassificationConfig config = settings.config(defaults.withRecurrent(biLstm, SequencePooling.MEAN));

        // 3. Train, evaluate on the test split, save
        return TrainRun.run(source, config, settings.outputDir, false, System.out,
                ConsoleProgress.onStderr("gloss-sentiment"));
    }
}
