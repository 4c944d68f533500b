package io.rnnsuite.lab;

import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.lab.GradientLab.ExplodingRun;
import io.rnnsuite.lab.GradientLab.NormProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Writes {@code lab gradients}' report: {@code report.md}, {@code gradient-norms.png} (‖∂L/∂x_t‖
 * against t, log scale), {@code exploding-loss.png} (training loss with and without clipping, log
 * scale) and {@code results.json}.
 */
public final class GradientReport {

    public static final String REPORT_FILE = "report.md";
    public static final String NORMS_PLOT = "gradient-norms.png";
    public static final String EXPLODING_PLOT = "exploding-loss.png";
    public static final String RESULTS_FILE = "results.json";
    /** Norms below this are drawn at it, so a log axis can show a gradient that underflowed to 0. */
    static final double PLOT_FLOOR = 1e-30;

    private GradientReport() {
    }

    public static MarkdownTable ratioTable(GradientLab.Result result) {
        MarkdownTable table = new MarkdownTable("cell", "when", "updates", "‖∂L/∂x_1‖", "‖∂L/∂x_T‖", "ratio first/last");
        for (NormProfile p : result.profiles()) {
            table.row(p.cell(), p.phase(), p.updates(), p.norms()[0], p.norms()[p.norms().length - 1], p.firstToLastRatio());
        }
        return table;
    }

    public static MarkdownTable explodingTable(GradientLab.Result result) {
        MarkdownTable table = new MarkdownTable("run", "initial ‖∇θ‖", "‖θ‖ before", "‖θ‖ kept", "updates done",
                "last train MSE", "NaN guard fired");
        for (ExplodingRun run : result.exploding()) {
            double[] loss = run.trainLoss();
            table.row(run.label(), run.initialGradientNorm(), run.initialParameterNorm(), run.finalParameterNorm(),
                    run.updates().length == 0 ? 0 : (long) run.updates()[run.updates().length - 1],
                    loss.length == 0 ? Double.NaN : loss[loss.length - 1], run.diverged() ? "yes" : "no");
        }
        return table;
    }

    public static Path write(GradientLab.Result result, Path dir) throws IOException {
        LineChart norms = new LineChart("‖∂L/∂x_t‖ on one adding-problem batch, T = " + result.config().length(),
                "time step t (loss taken at t = T)", "gradient norm (log)").logY();
        for (NormProfile p : result.profiles()) {
            double[] t = IntStream.rangeClosed(1, p.norms().length).asDoubleStream().toArray();
            double[] y = java.util.Arrays.stream(p.norms()).map(v -> Math.max(v, PLOT_FLOOR)).toArray();
            norms.line(p.cell() + " " + p.phase() + (p.updates() > 0 ? " (" + p.updates() + " updates)" : ""), t, y);
        }
        norms.savePng(dir.resolve(NORMS_PLOT), 800, 500);
        LineChart loss = new LineChart(String.format(Locale.ROOT, "SimpleRnn, recurrent spectral radius %.1f, SGD %.3g",
                result.config().recurrentRadius(), result.config().explodingLearningRate()),
                "minibatch updates", "training MSE (log)").logY();
        for (ExplodingRun run : result.exploding()) {
            if (run.updates().length > 0) {
                loss.line(run.label() + (run.diverged() ? " (diverged)" : ""), run.updates(), run.trainLoss());
            }
        }
        loss.savePng(dir.resolve(EXPLODING_PLOT), 800, 500);
        Json.write(dir.resolve(RESULTS_FILE), result);
        Path report = dir.resolve(REPORT_FILE);
        AtomicFiles.writeString(report, markdown(result));
        return report;
    }

    static String markdown(GradientLab.Result result) {
        GradientLabConfig c = result.config();
        StringBuilder md = new StringBuilder("# Vanishing and exploding gradients\n\nGenerated ").append(LocalDate.now())
                .append(" on the adding problem (2-core machine shared with other jobs; gradients do not depend on speed).\n\n");
        md.append("## Vanishing: how much error signal reaches step t\n\n")
                .append("One fixed batch of ").append(c.probeBatchSize()).append(" sequences, T = ").append(c.length())
                .append(", ").append(c.hiddenSize()).append(" units; measured at initialisation and after up to ")
                .append(c.trainUpdates()).append(" Adam updates (lr ").append(c.learningRate()).append(").\n\n")
                .append(ratioTable(result).toMarkdown()).append("\n![gradient norms](").append(NORMS_PLOT).append(")\n\n")
                .append(vanishingReading(result)).append("\n\n");
        md.append("## Exploding: large recurrent weights, with and without clipping\n\n")
                .append(String.format(Locale.ROOT, "A SimpleRnn (%d units) whose recurrent matrix is %.1f × a random "
                        + "orthogonal matrix (spectral radius exactly %.1f), trained with plain SGD (lr %.3g) on T = %d, "
                        + "once without clipping and once with per-layer L2 clipping at %.1f.%n%n",
                        c.hiddenSize(), c.recurrentRadius(), c.recurrentRadius(), c.explodingLearningRate(),
                        c.explodingLength(), c.clipNorm()))
                .append(explodingTable(result).toMarkdown()).append("\n![exploding loss](").append(EXPLODING_PLOT).append(")\n\n");
        for (ExplodingRun run : result.exploding()) {
            md.append("- ").append(run.label()).append(": ").append(run.message()).append('\n');
        }
        md.append('\n').append(explodingReading(result)).append('\n');
        return md.toString();
    }

    static String vanishingReading(GradientLab.Result result) {
        StringBuilder text = new StringBuilder("The loss is taken at the last step, so ‖∂L/∂x_T‖ is the signal at its "
                + "source and ‖∂L/∂x_1‖ what is left after travelling back through every step; a ratio many orders of "
                + "magnitude below 1 means the first inputs get almost no gradient. ");
        for (String phase : new String[] {"init", "trained"}) {
            NormProfile rnn = profile(result, "simple_rnn", phase);
            NormProfile lstm = profile(result, "lstm", phase);
            if (rnn == null || lstm == null) {
                continue;
            }
            double factor = lstm.firstToLastRatio() / rnn.firstToLastRatio();
            text.append(String.format(Locale.ROOT, "%s: the LSTM's ratio is %.3g, the SimpleRnn's %.3g (%s). ",
                    phase.equals("init") ? "At initialisation" : "After the short training (" + rnn.updates()
                            + " SimpleRnn / " + lstm.updates() + " LSTM updates)",
                    lstm.firstToLastRatio(), rnn.firstToLastRatio(),
                    factor >= 1 ? String.format(Locale.ROOT, "LSTM keeps %.3g× more", factor)
                            : String.format(Locale.ROOT, "SimpleRnn keeps %.3g× more", 1 / factor)));
        }
        text.append("In theory the LSTM's additive cell state lets training hold the forget gate near 1 so the signal "
                + "survives; at initialisation its forget gate is only about sigmoid(1) ≈ 0.73 per step.");
        return text.toString();
    }

    static String explodingReading(GradientLab.Result result) {
        StringBuilder text = new StringBuilder();
        for (ExplodingRun run : result.exploding()) {
            text.append(String.format(Locale.ROOT, "%s: the parameter norm went from %.3g to %.3g; the NaN guard %s. ",
                    run.label(), run.initialParameterNorm(), run.finalParameterNorm(),
                    run.diverged() ? "fired and stopped the run" : "did not fire"));
        }
        text.append("With tanh every activation stays in [-1, 1], so an exploding gradient need not produce NaN: an "
                + "unclipped step can instead throw the weights deep into saturation, where tanh's derivative is ~0 "
                + "and learning stalls. Clipping bounds each step, whatever the gradient's size.");
        return text.toString();
    }

    private static NormProfile profile(GradientLab.Result result, String cell, String phase) {
        return result.profiles().stream().filter(p -> p.cell().equals(cell) && p.phase().equals(phase))
                .findFirst().orElse(null);
    }
}
