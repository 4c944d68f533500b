package io.rnnsuite.textclf.cli;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.ConsoleReport;
import io.rnnsuite.common.app.DataSummary;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.CsvTextReader;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.LabelledExample;
import io.rnnsuite.textclf.data.TextData;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.ClassifierModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code classify evaluate-csv}: score a saved model on every row of another labelled file (the
 * shared {@code evaluate} scores it on the test split it was made with).
 */
@Command(name = "evaluate-csv", mixinStandardHelpOptions = true,
        description = "Score a saved model on every row of a labelled CSV/TSV file: accuracy, macro-F1, per-class scores, "
                + "confusion matrix.")
public final class EvaluateCsvCommand implements Callable<Integer> {

    private final TextClassificationApp app;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model directory written by train.")
    Path model;

    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "The labelled file, with a header row, UTF-8.")
    Path csv;

    @Option(names = "--text-column", paramLabel = "NAME", description = "Header of the text column (default: ${DEFAULT-VALUE}).")
    String textColumn = "text";

    @Option(names = "--label-column", paramLabel = "NAME", description = "Header of the label column (default: ${DEFAULT-VALUE}).")
    String labelColumn = "label";

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field separator: a character or 'tab'; default by extension (.tsv: tab, else comma).")
    String delimiter;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public EvaluateCsvCommand(TextClassificationApp app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        AppModels.Loaded<TextClassificationConfig, ClassifierModel> loaded = AppModels.open(app, model);
        List<String> labels = loaded.model().classifier().labels();
        List<LabelledExample> examples = new CsvTextReader(textColumn, labelColumn, ClassifyOptions.delimiter(delimiter))
                .read(csv);
        if (examples.isEmpty()) {
            throw new UserInputException(csv + " has a header but no rows to evaluate on");
        }
        for (LabelledExample e : examples) {
            if (!labels.contains(e.label())) {
                throw new UserInputException(e.where() + ": label '" + e.label() + "' is not one the model knows ("
                        + String.join(", ", labels) + ")");
            }
        }
        TextData data = new TextData(new DataSplit(labels, List.of(), List.of(), examples), TextSource.fileSha256(csv));
        Evaluation evaluation = app.evaluate(loaded.model(), data);
        DataSummary summary = new DataSummary(csv.toString(), "file", data.sha256(), Map.of("test", examples.size()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(ConsoleReport.evaluate(summary, List.of(evaluation)));
        out.flush();
        return 0;
    }
}
