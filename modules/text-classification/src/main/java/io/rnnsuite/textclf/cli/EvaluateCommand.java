package io.rnnsuite.textclf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.textclf.TrainRun;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.LabelledExample;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.ClassifierEvaluation;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code classify evaluate}: score a saved model on the test split it was trained with (rebuilt
 * from run.json: same source, fractions and seed) or on every row of a labelled file.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Accuracy, macro-F1, per-class scores and confusion matrix of a saved model.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model directory written by 'classify train'.")
    Path modelDir;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Evaluate on every row of this labelled file instead of the training run's test split (default: none).")
    Path csv;

    @Option(names = "--text-column", paramLabel = "NAME", description = "Header of the text column of --csv (default: ${DEFAULT-VALUE}).")
    String textColumn = "text";

    @Option(names = "--label-column", paramLabel = "NAME", description = "Header of the label column of --csv (default: ${DEFAULT-VALUE}).")
    String labelColumn = "label";

    @Override
    public Integer call() {
        RecurrentTextClassifier classifier = RecurrentTextClassifier.load(modelDir);
        DataSplit split;
        List<LabelledExample> examples;
        if (csv != null) {
            examples = TextSource.csv(csv, textColumn, labelColumn).load();
            split = new DataSplit(classifier.labels(), List.of(), List.of(), examples);
            for (LabelledExample e : examples) {
                if (!classifier.labels().contains(e.label())) {
                    throw new UserInputException(e.where() + ": label '" + e.label() + "' is not one the model knows ("
                            + String.join(", ", classifier.labels()) + ")");
                }
            }
        } else {
            split = TrainRun.splitOf(classifier, recordedSource(modelDir));
            examples = split.test();
        }
        ClassifierEvaluation result = ClassifierEvaluation.of(classifier, split, examples);
        System.out.printf(Locale.ROOT, "%s: accuracy %.4f, macro-F1 %.4f on %d texts (%d truncated)%n",
                classifier.name(), result.metrics().accuracy(), result.metrics().macroF1(), examples.size(),
                classifier.truncatedCount());
        for (var s : result.metrics().perClass()) {
            System.out.printf(Locale.ROOT, "  %-12s precision %.3f  recall %.3f  F1 %.3f  (%d)%n",
                    s.label(), s.precision(), s.recall(), s.f1(), s.support());
        }
        System.out.print(result.metrics().confusionText());
        return 0;
    }

    /** The data source recorded in run.json by 'classify train'. */
    static TextSource recordedSource(Path modelDir) {
        ModelDirectory dir = ModelDirectory.open(modelDir, RecurrentTextClassifier.APP);
        try {
            JsonNode source = Json.MAPPER.readTree(dir.runFile().toFile()).path("config").path("source");
            return Json.MAPPER.treeToValue(source, TextSource.class);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(dir.runFile() + ": no readable data source (" + e.getMessage()
                    + "); pass --csv FILE to evaluate on a labelled file");
        }
    }
}
