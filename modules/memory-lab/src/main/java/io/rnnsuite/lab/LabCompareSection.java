package io.rnnsuite.lab;

import io.rnnsuite.common.app.CompareSection;
import io.rnnsuite.common.app.SectionFacts;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.SectionProgress;









import io.rnnsuite.lab.data.AddingProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The long-range-memory lab inside the comparison: the adding problem over sequence lengths
 * (where a plain RNN stops learning and an LSTM goes on) and the gradient-norm profiles. Its runs
 * have their own fixed budgets (the lab's quick or default settings), not the shared one.
 */
public final class LabCompareSection implements CompareSection {

    @Override
    public String app() {
        return "lab";
    }

    @Override
    public int modelCount(CompareSettings settings) {
        return 0;
    }

    /** The sweep at the compare's cell types (directions aside: the tasks read the sequence once). */
    static LabConfig sweepConfig(CompareSettings settings) {
        LabConfig base = settings.quick() ? LabConfig.quick().withLengths(List.of(10, 25))
                : LabConfig.defaults().withLengths(List.of(10, 25, 50));
        return base.withCells(settings.specs(base.hiddenSize()).stream().map(io.rnnsuite.common.RecurrentSpec::cell)
                .distinct().toList());
    }

    static GradientLabConfig gradientConfig(CompareSettings settings) {
        return settings.quick() ? GradientLabConfig.quick() : GradientLabConfig.defaults();
    }

    /** The sweep's budget per (length, cell) run and the gradient lab's training cap for each of its two cells. */
    @Override
    public double fixedSeconds(CompareSettings settings) {
        LabConfig sweep = sweepConfig(settings);
        return sweep.budgetSeconds() * sweep.lengths().size() * sweep.cells().size()
                + 2 * gradientConfig(settings).trainBudgetSeconds();
    }

    @Override
    public SectionResult run(CompareSettings settings, Path dir, SectionProgress progress) throws IOException {
        LabConfig config = sweepConfig(settings);
        AddingProblem task = new AddingProblem();
        PrintStream log = progress.lines("  lab ");
        List<SweepRow> rows = LengthSweep.run(task, config, log, settings.parallel());
        Path addingDir = dir.resolve("adding");
        SweepReport.write(task, config, rows, addingDir);
        GradientLab.Result gradients = GradientLab.run(gradientConfig(settings), log, settings.parallel());
        Path gradientDir = dir.resolve("gradients");
        GradientReport.write(gradients, gradientDir);
        String headline = SweepSummary.headline(rows, config.budgetSeconds());
        return new SectionResult(app(), "Long-range memory: why LSTM exists",
                "The adding problem (Hochreiter & Schmidhuber 1997): two channels, random values and a marker with two 1s; the "
                        + "target is the sum of the two marked values. Predicting the mean gives MSE 1/6 = 0.167; 'solved' means "
                        + "validation MSE below a tenth of that. Gradient profiles: the norm of dL/dx_t against t at initialisation "
                        + "and after a short training; exploding gradients: a SimpleRnn with recurrent spectral radius 3, with and "
                        + "without clipping.",
                List.of(new SectionResult.Titled<>("adding problem: test MSE and updates to solve", SweepReport.table(task, rows)),
                        new SectionResult.Titled<>("gradient reaching the first step relative to the last",
                                GradientReport.ratioTable(gradients)),
                        new SectionResult.Titled<>("exploding gradients", GradientReport.explodingTable(gradients))),
                headline,
                List.of(new SectionResult.Titled<>("adding problem: test MSE against sequence length",
                                addingDir.resolve(SweepReport.PLOT_FILE)),
                        new SectionResult.Titled<>("gradient norm against time step (log scale)",
                                gradientDir.resolve(GradientReport.NORMS_PLOT)),
                        new SectionResult.Titled<>("exploding gradients: loss with and without clipping",
                                gradientDir.resolve(GradientReport.EXPLODING_PLOT))),
                List.of(), Map.of("adding", rows, "headline", headline), List.of(facts(rows, gradients)));
    }

    /** The longest length each cell solved, and the gradient share reaching the first step after training. */
    static SectionFacts facts(List<SweepRow> rows, GradientLab.Result gradients) {
        Map<String, Integer> longest = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            longest.merge(row.cell(), row.solved() ? row.length() : 0, Math::max);
        }
        Map<String, Double> ratio = new LinkedHashMap<>();
        for (GradientLab.NormProfile profile : gradients.profiles()) {
            if (profile.phase().equals("trained")) {
                ratio.put(profile.cell(), profile.firstToLastRatio());
            }
        }
        return SectionFacts.lab("lab", "adding problem", longest, ratio);
    }
}
