package io.rnnsuite.charlm.cli;

import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.data.CorpusText;
import io.rnnsuite.charlm.explain.ExplainPage;
import io.rnnsuite.charlm.explain.ExplainResult;
import io.rnnsuite.charlm.explain.Explainer;
import io.rnnsuite.common.explain.ExplainConsole;
import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code charlm explain}: runs a saved model over a text and writes the page that shows what its
 * cells do (units that track the text, gate saturation, how long forget gates keep information)
 * and the JSON of its numbers.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show what a saved model's cells do on a text: a self-contained HTML page and the JSON of its numbers.")
public final class ExplainCommand implements Callable<Integer> {

    /** The source-code corpus: its comments and string literals are searched instead of quotes. */
    static final String CODE_CORPUS = "java-source";

    private final CharLmApp app;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model directory written by 'charlm train'.")
    Path modelDir;

    @Option(names = "--text", paramLabel = "FILE",
            description = "UTF-8 text to read (default: the test part of the model's own corpus).")
    Path text;

    @Option(names = "--length", paramLabel = "N", description = "Characters of the text to read, from its start (default: ${DEFAULT-VALUE}).")
    int length = 1000;

    @Option(names = "--output", paramLabel = "FILE",
            description = "The HTML page; the JSON goes beside it with the extension .json (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("reports", "explain", "index.html");

    @Option(names = "--units", paramLabel = "N", description = "Interpretable units to list (default: ${DEFAULT-VALUE}).")
    int units = 8;

    @Option(names = "--compare-with", paramLabel = "DIR",
            description = "Another char-lm model directory (a SimpleRnn, say) whose hidden-unit saturation is drawn beside (default: none).")
    Path compareWith;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ExplainCommand(CharLmApp app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (length < 2) {
            throw new UserInputException("--length must be at least 2, got " + length);
        }
        if (units < 1) {
            throw new UserInputException("--units must be at least 1, got " + units);
        }
        AppModels.Loaded<CharLmConfig, CharLmModel> loaded = AppModels.open(app, modelDir);
        AppModels.Loaded<CharLmConfig, CharLmModel> compared = compareWith == null ? null : AppModels.open(app, compareWith);
        String source;
        String all;
        boolean code;
        if (text != null) {
            CorpusText file = CorpusText.file(text);
            source = text.toString();
            all = file.text();
            code = text.getFileName().toString().endsWith(".java");
        } else {
            CharLmConfig config = loaded.config();
            source = "the test part of " + (config.textFile() != null ? config.textFile() : config.corpus());
            all = app.load(config).testText();
            code = config.textFile() == null ? CODE_CORPUS.equals(config.corpus()) : config.textFile().endsWith(".java");
        }
        String passage = firstCodePoints(all, length);
        ExplainResult result = Explainer.explain(new Explainer.Request(loaded.model(), label(loaded.model(), modelDir), passage,
                source, code, units, compared == null ? null : compared.model(),
                compared == null ? null : label(compared.model(), compareWith)));
        try {
            ExplainPage.write(result, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
        ExplainConsole.printSummary(spec.commandLine().getOut(), result.units(), output, ExplainPage.jsonFile(output));
        return 0;
    }

    private static String label(CharLmModel model, Path dir) {
        return ExplainConsole.modelLabel(model.name(), dir);
    }

    private static String firstCodePoints(String text, int n) {
        int count = text.codePointCount(0, text.length());
        return count <= n ? text : text.substring(0, text.offsetByCodePoints(0, n));
    }
}
