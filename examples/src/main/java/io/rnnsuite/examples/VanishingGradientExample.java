package io.rnnsuite.examples;

import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.ExitCodes;
import io.rnnsuite.lab.GradientLab;
import io.rnnsuite.lab.GradientLabConfig;
import io.rnnsuite.lab.GradientReport;
import io.rnnsuite.lab.OutputDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Why LSTM exists, in one picture: how much of the error signal survives the trip back through
 * time in a plain RNN and in an LSTM, and what happens when a plain RNN's recurrent weights are
 * too large.
 *
 * <ol>
 *   <li>Data: one fixed batch of the adding problem (two inputs per step, a value and a marker;
 *       the target is the sum of the two marked values), T = 100 steps.</li>
 *   <li>Networks: a SimpleRnn, an LSTM and a GRU of 32 units from the common layer factory, so the only
 *       difference between them is the cell.</li>
 *   <li>Measure: {@code ‖∂L/∂x_t‖} for every step t, at initialisation and after a short Adam
 *       training; the loss sits at the last step, so the curve's fall towards t = 1 is the
 *       vanishing gradient.</li>
 *   <li>Explode: a SimpleRnn whose recurrent matrix has spectral radius 3, trained by plain SGD
 *       with and without gradient clipping, under the trainer's NaN guard.</li>
 *   <li>Report: {@code gradient-norms.png}, {@code exploding-loss.png}, {@code report.md} and
 *       {@code results.json} in {@code --output-dir}.</li>
 * </ol>
 *
 * <p>Run: {@code scripts/rnn-suite lab gradients} does the same from the command line. This main
 * takes {@code --quick} (T = 50, 16 units, about a minute), {@code --max-updates N} (cap every
 * training, for smoke tests) and {@code --output-dir DIR} (default {@code reports/examples/vanishing-gradient}).
 * The full run takes 4–6 minutes on 2 busy cores.
 */
@Command(name = "vanishing-gradient", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Gradient norms against time step for a SimpleRnn, an LSTM and a GRU; exploding gradients.")
public final class VanishingGradientExample implements Callable<GradientLab.Result> {

    @Option(names = "--quick", description = "T = 50 and 16 units, about a minute (default: ${DEFAULT-VALUE}).")
    boolean quick;
    @Option(names = "--max-updates", paramLabel = "N", description = "Cap every training at N updates; 0 = none (default: ${DEFAULT-VALUE}).")
    int maxUpdates;
    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the plots and report go (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("reports", "examples", "vanishing-gradient");

    public static void main(String[] args) {
        System.exit(run(args) != null ? ExitCodes.OK : ExitCodes.USER_ERROR);
    }

    /** Runs the example; every measured gradient profile and exploding run, or {@code null} when the flags were wrong. */
    public static GradientLab.Result run(String... args) {
        CommandLine line = CliErrors.install(new CommandLine(new VanishingGradientExample()));
        return line.execute(args) == ExitCodes.OK ? line.getExecutionResult() : null;
    }

    @Override
    public GradientLab.Result call() throws Exception {
        // 1 + 2. Configuration: the adding problem at T = 100 (50 with --quick), one network per cell type
        GradientLabConfig config = quick ? GradientLabConfig.quick() : GradientLabConfig.defaults();
        if (maxUpdates < 0) {
            throw new io.rnnsuite.common.UserInputException("--max-updates must be 0 (none) or positive, got " + maxUpdates);
        }
        if (maxUpdates > 0) {
            config = config.withMaxUpdates(maxUpdates);
        }

        // 3 + 4. Measure the gradient through time, train briefly, measure again; then the exploding runs
        GradientLab.Result result = GradientLab.run(config, System.err);

        // 5. Tables on the console, plots and report on disk
        System.out.print(GradientReport.ratioTable(result).toText());
        System.out.print(GradientReport.explodingTable(result).toText());
        Path report = GradientReport.write(result, OutputDirectory.prepare(outputDir));
        System.out.println("report: " + report.toAbsolutePath());
        return result;
    }
}
