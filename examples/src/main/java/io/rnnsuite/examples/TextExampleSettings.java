package io.rnnsuite.examples;

import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.TextClassificationConfig;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The two flags the text-classification examples take: {@code --quick} and {@code --output-dir}. */
final class TextExampleSettings {

    @Option(names = "--quick", description = "Tiny network, 1 epoch of 5 batches: a smoke run of a few seconds.")
    boolean quick;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the model directory goes.")
    Path outputDir;

    static TextExampleSettings parse(String[] args, Path defaultOutputDir) {
        TextExampleSettings settings = new TextExampleSettings();
        new CommandLine(settings).parseArgs(args);
        if (settings.outputDir == null) {
            settings.outputDir = defaultOutputDir;
        }
        return settings;
    }

    /** The app's documented defaults, or a tiny version of them with {@code --quick}. */
    TextClassificationConfig config(TextClassificationConfig defaults) {
        if (!quick) {
            return defaults;
        }
        TrainingConfig t = defaults.training();
        return defaults.withTraining(new TrainingConfig(1, t.batchSize(), t.learningRate(), t.patience(), t.clipNorm(),
                t.seed(), 5, 0));
    }
}
