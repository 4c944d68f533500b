package io.rnnsuite.examples;

import io.rnnsuite.lab.GradientLab;
import io.rnnsuite.lab.GradientLabConfig;
import io.rnnsuite.lab.GradientReport;
import io.rnnsuite.lab.OutputDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Why LSTM exists, in one picture: how much of the error signal survives the trip back through
 * time in a plain RNN and in an LSTM, and what happens when a plain RNN's recurrent weights are
 * too large.
 *
 * <ol>
 *   <li>Data: one fixed batch of the adding problem (two inputs per step, a value and a marker;
 *       the target is the sum of the two marked values), T = 100 steps.</li>
 *   <li>Networks: a SimpleRnn and an LSTM of 32 units from the common layer factory, so the only
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
public final class VanishingGradientExample {

    private VanishingGradientExample() {
    }

    public static void main(String[] args) {
        run(args);
    }

    /** Runs the example and returns every measured gradient profile and exploding run. */
    public static GradientLab.Result run(String... args) {
        List<String> options = Arrays.asList(args);
        int dirFlag = options.indexOf("--output-dir");
        Path outputDir = dirFlag >= 0 ? Path.of(args[dirFlag + 1]) : Path.of("reports", "examples", "vanishing-gradient");
        int updatesFlag = options.indexOf("--max-updates");

        // 1 + 2. Configuration: the adding problem at T = 100 (50 with --quick), SimpleRnn and LSTM
        GradientLabConfig config = options.contains("--quick") ? GradientLabConfig.quick() : GradientLabConfig.defaults();
        if (updatesFlag >= 0) {
            config = config.withMaxUpdates(Integer.parseInt(args[updatesFlag + 1]));
        }

        // 3 + 4. Measure the gradient through time, train briefly, measure again; then the exploding runs
        GradientLab.Result result = GradientLab.run(config, System.err);

        // 5. Tables on the console, plots and report on disk
        System.out.print(GradientReport.ratioTable(result).toText());
        System.out.print(GradientReport.explodingTable(result).toText());
        try {
            Path report = GradientReport.write(result, OutputDirectory.prepare(outputDir));
            System.out.println("report: " + report.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + outputDir, e);
        }
        return result;
    }
}
