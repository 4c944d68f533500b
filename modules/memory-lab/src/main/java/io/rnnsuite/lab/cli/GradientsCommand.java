package io.rnnsuite.lab.cli;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.lab.GradientLab;
import io.rnnsuite.lab.GradientLabConfig;
import io.rnnsuite.lab.GradientReport;
import io.rnnsuite.lab.OutputDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnn-suite lab gradients}: vanishing gradients against t, and exploding ones with and without clipping. */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = "Show the vanishing gradient (‖∂L/∂x_t‖ against t, SimpleRnn vs LSTM) and the exploding one (clipping).")
final class GradientsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--length", converter = Ranges.AtLeastOne.class, paramLabel = "T",
            description = "Sequence length for the gradient profiles (default: ${DEFAULT-VALUE}; --quick: 25).")
    int length = GradientLabConfig.defaults().length();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = GradientLabConfig.defaults().seed();

    @Option(names = "--quick", description = "A small version that finishes in about a minute (default: ${DEFAULT-VALUE}).")
    boolean quick;

    @Option(names = "--threads", converter = Ranges.ZeroOrMore.class, paramLabel = "N", description = "ND4J threads; 0 = leave as is (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where report.md, the PNGs and results.json go "
            + "(default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("reports", "lab", "gradients");

    @Override
    public Integer call() throws IOException {
        NativeThreads.apply(threads);
        GradientLabConfig config = (quick ? GradientLabConfig.quick() : GradientLabConfig.defaults()).withSeed(seed);
        if (spec.commandLine().getParseResult().hasMatchedOption("--length")) {
            config = config.withLength(length);
        }
        Path dir = OutputDirectory.prepare(outputDir);
        PrintStream out = System.out;
        GradientLab.Result result = GradientLab.run(config, System.err);
        out.print(GradientReport.ratioTable(result).toText());
        out.print(GradientReport.explodingTable(result).toText());
        out.println("report: " + GradientReport.write(result, dir).toAbsolutePath());
        return 0;
    }
}
