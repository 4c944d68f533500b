package io.rnnsuite.charlm.cli;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.charlm.model.CharSampler;
import io.rnnsuite.charlm.model.SamplingOptions;
import io.rnnsuite.common.app.AppModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code charlm sample}: generates text from a saved model, printing each character as it is drawn. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate text from a saved model, one character per step (the prefix is never re-run).")
public final class SampleCommand implements Callable<Integer> {

    private static final SamplingOptions DEFAULTS = SamplingOptions.defaults();

    private final CharLmApp app;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model directory written by 'charlm train'.")
    Path modelDir;

    @Option(names = "--prime", paramLabel = "TEXT", description = "Text to start from (default: ${DEFAULT-VALUE}).")
    String prime = CharLmApp.DEFAULT_PRIME;

    @Option(names = "--length", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Characters to generate (default: ${DEFAULT-VALUE}).")
    int length = DEFAULTS.length();

    @Option(names = "--temperature", converter = Ranges.Positive.class, paramLabel = "T",
            description = "Below 1 sharper, above 1 wilder; 1e-6 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature = DEFAULTS.temperature();

    @Option(names = "--top-k", converter = Ranges.ZeroOrMore.class, paramLabel = "K", description = "Draw among the K likeliest characters, 0 = all (default: ${DEFAULT-VALUE}).")
    int topK = DEFAULTS.topK();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public SampleCommand(CharLmApp app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        SamplingOptions options = new SamplingOptions(length, temperature, topK, seed);
        AppModels.Loaded<CharLmConfig, CharLmModel> loaded = AppModels.open(app, modelDir);
        PrintWriter out = spec.commandLine().getOut();
        CharSampler sampler = loaded.model().sampler();
        sampler.encodePrime(prime); // a bad prime fails here, before anything is printed
        out.print(prime);
        sampler.sample(prime, options, character -> {
            out.print(character);
            out.flush();
        });
        out.println();
        out.flush();
        return 0;
    }
}
