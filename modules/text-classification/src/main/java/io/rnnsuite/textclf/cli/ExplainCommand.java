package io.rnnsuite.textclf.cli;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.explain.ExplainConsole;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.LabelledExample;
import io.rnnsuite.textclf.explain.ClassWords;
import io.rnnsuite.textclf.explain.ClassifierExplainPage;
import io.rnnsuite.textclf.explain.ClassifierExplainResult;
import io.rnnsuite.textclf.explain.ClassifierExplainer;
import io.rnnsuite.textclf.model.ClassifierModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code classify explain}: runs a saved classifier over texts and writes the page that shows what
 * its cells do word by word (units that follow word properties, gate saturation, persistent units),
 * how the prediction builds up from each prefix and what each word weighs, and the JSON of its numbers.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show what a saved classifier's cells do on texts, how its prediction builds up word by word and which"
                + " words weigh most: a self-contained HTML page and the JSON of its numbers.")
public final class ExplainCommand implements Callable<Integer> {

    private final TextClassificationApp app;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model directory written by 'classify train'.")
    Path modelDir;

    @Option(names = "--text", paramLabel = "FILE",
            description = "UTF-8 file of texts to read, one per line (default: texts of the model's own test split).")
    Path textFile;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to read (instead of --text).")
    List<String> texts = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N",
            description = "Texts taken from the start of the test split when none are given (default: ${DEFAULT-VALUE}).")
    int count = 20;

    @Option(names = "--units", paramLabel = "N", description = "Interpretable units to list (default: ${DEFAULT-VALUE}).")
    int units = 8;

    @Option(names = "--output", paramLabel = "FILE",
            description = "The HTML page; the JSON goes beside it with the extension .json (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("reports", "explain-classify", "index.html");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ExplainCommand(TextClassificationApp app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (count < 1) {
            throw new UserInputException("--count must be at least 1, got " + count);
        }
        if (units < 1) {
            throw new UserInputException("--units must be at least 1, got " + units);
        }
        if (textFile != null && !texts.isEmpty()) {
            throw new UserInputException("give the texts either with --text FILE or as arguments, not both");
        }
        AppModels.Loaded<TextClassificationConfig, ClassifierModel> loaded = AppModels.open(app, modelDir);
        List<ClassifierExplainer.Input> inputs = new ArrayList<>();
        String source;
        if (textFile != null) {
            List<String> lines = readLines(textFile);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    inputs.add(new ClassifierExplainer.Input(lines.get(i), null, textFile + ":" + (i + 1)));
                }
            }
            if (inputs.isEmpty()) {
                throw new UserInputException(textFile + ": no texts (every line is blank)");
            }
            source = textFile.toString();
        } else if (!texts.isEmpty()) {
            for (int i = 0; i < texts.size(); i++) {
                inputs.add(new ClassifierExplainer.Input(texts.get(i), null, "argument " + (i + 1)));
            }
            source = "the command line";
        } else {
            source = null;
        }
        DataSplit split = null;
        String note = null;
        try {
            split = app.load(loaded.config()).split();
        } catch (UserInputException e) {
            if (source == null) {
                throw e;
            }
            note = "The training texts could not be read (" + e.getMessage() + "), so the class words were not searched.";
        }
        if (source == null) {
            List<LabelledExample> test = split.test();
            if (test.isEmpty()) {
                throw new UserInputException("the model's test split is empty: give texts with --text FILE or as arguments");
            }
            for (LabelledExample e : test.subList(0, Math.min(count, test.size()))) {
                inputs.add(new ClassifierExplainer.Input(e.text(), e.label(), e.where()));
            }
            source = "the test split of " + loaded.config().source().describe();
        }
        ClassifierModel model = loaded.model();
        ClassWords classWords = split == null ? ClassWords.none()
                : ClassWords.of(split.train(), model.classifier().labels(), model.classifier().vocabulary());
        ClassifierExplainResult result = ClassifierExplainer.explain(new ClassifierExplainer.Request(model.classifier(),
                label(model, modelDir), inputs, source, classWords, units, note));
        try {
            ClassifierExplainPage.write(result, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
        ExplainConsole.printSummary(spec.commandLine().getOut(), result.units(), output, ClassifierExplainPage.jsonFile(output));
        return 0;
    }

    private static String label(ClassifierModel model, Path dir) {
        return ExplainConsole.modelLabel(model.classifier().name(), dir);
    }

    private static List<String> readLines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such file");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
