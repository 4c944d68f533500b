package io.rnnsuite.lab;

import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.lab.data.MemoryTask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes a length sweep's report into a directory: {@code report.md} (setup, table, plot, a plain
 * reading), {@code loss-vs-length.png} (test loss against T per cell, log scale, with the baseline
 * and the solve threshold dashed) and {@code results.json}.
 */
public final class SweepReport {

    public static final String REPORT_FILE = "report.md";
    public static final String PLOT_FILE = "loss-vs-length.png";
    public static final String RESULTS_FILE = "results.json";

    /** Everything in results.json. */
    public record Results(String task, String lossName, String baselineFormula, String headline,
                          LabConfig config, List<SweepRow> rows) {
    }

    private SweepReport() {
    }

    public static MarkdownTable table(MemoryTask task, List<SweepRow> rows) {
        MarkdownTable table = new MarkdownTable("T", "cell", "test " + task.lossName(), "baseline", "baseline measured", "test / baseline",
                "steps to solve", "updates", "train s", "stopped by");
        for (SweepRow r : rows) {
            table.row(r.length(), r.cell(), r.testLoss(), r.baselineLoss(), r.measuredBaseline(), r.relativeLoss(),
                    r.solved() ? String.valueOf(r.stepsToSolve()) : "not solved", r.updates(),
                    String.format(Locale.ROOT, "%.1f", r.trainingSeconds()), r.stopReason().replace('_', ' '));
        }
        return table;
    }

    /** Writes report.md, the PNG and results.json; returns the report file. */
    public static Path write(MemoryTask task, LabConfig config, List<SweepRow> rows, Path dir) throws IOException {
        String headline = SweepSummary.headline(rows, config.budgetSeconds());
        plot(task, config, rows).savePng(dir.resolve(PLOT_FILE), 800, 500);
        Json.write(dir.resolve(RESULTS_FILE), new Results(task.name(), task.lossName(), task.baselineFormula(),
                headline, config, rows));
        Path report = dir.resolve(REPORT_FILE);
        AtomicFiles.writeString(report, markdown(task, config, rows, headline));
        return report;
    }

    static LineChart plot(MemoryTask task, LabConfig config, List<SweepRow> rows) {
        LineChart chart = new LineChart(task.name() + ": test loss against sequence length", "sequence length T",
                "test " + task.lossName() + " (log)").logY();
        double[] lengths = config.lengths().stream().mapToDouble(Integer::doubleValue).toArray();
        for (String cell : config.cells().stream().map(c -> c.cliName()).toList()) {
            double[] loss = config.lengths().stream().mapToDouble(t -> rows.stream()
                    .filter(r -> r.cell().equals(cell) && r.length() == t).mapToDouble(SweepRow::testLoss)
                    .findFirst().orElse(Double.NaN)).map(v -> Math.max(v, 1e-9)).toArray();
            chart.line(cell, lengths, loss);
        }
        chart.dashedLine("baseline", lengths, config.lengths().stream().mapToDouble(task::baselineLoss).toArray());
        chart.dashedLine(config.solveFraction() + " × baseline (solved)", lengths,
                config.lengths().stream().mapToDouble(t -> config.solveFraction() * task.baselineLoss(t)).toArray());
        return chart;
    }

    static String markdown(MemoryTask task, LabConfig config, List<SweepRow> rows, String headline) {
        return "# Long-range memory: the " + task.name() + " task\n\n"
                + "Generated " + LocalDate.now() + ". Each cell (one recurrent layer of " + config.hiddenSize()
                + " units, Adam " + config.learningRate() + ", clip " + config.clipNorm() + ", batch "
                + config.batchSize() + ") is trained from scratch at each length on fresh random batches, for at most "
                + String.format(Locale.ROOT, "%.0f s", config.budgetSeconds()) + " or " + config.maxUpdates()
                + " updates, validated every " + config.validateEvery() + " updates on " + config.validationSize()
                + " fixed sequences and tested on " + config.testSize() + " others (seed " + config.seed() + ").\n\n"
                + "Baseline: " + task.baselineFormula() + ". Solved: validation " + task.lossName() + " below "
                + config.solveFraction() + " × baseline; a run stops early once it is below "
                + String.format(Locale.ROOT, "%.2g", config.solveFraction() * LengthSweep.CLEARLY_SOLVED)
                + " × baseline (clearly solved: the rest of its budget would only polish the answer).\n\n"
                + "**" + headline + "**\n\n"
                + table(task, rows).toMarkdown() + "\n"
                + "![test loss against length](" + PLOT_FILE + ")\n\n"
                + "## Reading\n\n" + reading(task, rows) + "\n";
    }

    /** A plain-language reading of the sweep. */
    static String reading(MemoryTask task, List<SweepRow> rows) {
        StringBuilder text = new StringBuilder();
        text.append("A test loss near the baseline (test / baseline ≈ 1) means the network learned nothing the "
                + "input-blind guess does not already know: it could not carry information across T steps. ");
        text.append("A loss far below it means it found the marked information and kept it. ");
        SweepSummary.horizons(rows).values().forEach(h -> text.append(h.describe()).append(". "));
        text.append("Every run had the same wall-clock budget, so \"not solved\" means not solved within it: "
                + "longer sequences also cost more time per update and therefore get fewer updates. "
                + "Timings come from a 2-core machine shared with other jobs.");
        return text.toString();
    }
}
