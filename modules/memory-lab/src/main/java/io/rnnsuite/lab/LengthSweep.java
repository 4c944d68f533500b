package io.rnnsuite.lab;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.ParallelRuns;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.lab.data.MemoryTask;
import io.rnnsuite.lab.model.GeneratedBatches;
import io.rnnsuite.lab.model.SolveCriterion;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Trains every cell at every sequence length of a {@link MemoryTask} from scratch, under the same
 * budget, and records how far each got: final test loss and the updates it took to solve the
 * task. A run that has clearly solved its task stops there ({@link #CLEARLY_SOLVED}). Validation and test sets are fixed per length (seeded), training batches are fresh.
 */
public final class LengthSweep {

    /**
     * A run stops early once its validation loss is below this fraction of the solve threshold (with
     * the default solve fraction, 1 % of the baseline): the task is then clearly solved, and the rest
     * of the budget would only polish an answer already found.
     */
    public static final double CLEARLY_SOLVED = 0.1;

    private LengthSweep() {
    }

    /** Runs the sweep one run after another, printing one line per finished run to {@code log} (may be {@code null}). */
    public static List<SweepRow> run(MemoryTask task, LabConfig config, PrintStream log) {
        return run(task, config, log, 1);
    }

    /**
     * Runs the sweep with {@code parallel} runs at a time (each run is independent and seeded by
     * its own length, so the rows are the same however many run at once, budgets aside), printing
     * one line per finished run to {@code log} (may be {@code null}) as it finishes; the rows come
     * back by length, then cell.
     */
    public static List<SweepRow> run(MemoryTask task, LabConfig config, PrintStream log, int parallel) {
        List<java.util.concurrent.Callable<SweepRow>> runs = new ArrayList<>();
        for (int length : config.lengths()) {
            for (CellType cell : config.cells()) {
                runs.add(() -> {
                    SweepRow row = runOne(task, cell, length, config);
                    if (log != null) {
                        log.println(describe(task, row));
                    }
                    return row;
                });
            }
        }
        return ParallelRuns.run(parallel, "lab", runs);
    }

    /** One cell at one length. */
    public static SweepRow runOne(MemoryTask task, CellType cell, int length, LabConfig config) {
        RecurrentSpec spec = new RecurrentSpec(cell, config.hiddenSize(), 1, false, 0.0);
        MultiLayerNetwork net = task.network(spec, config.seed(), config.learningRate(), config.clipNorm());
        MultiDataSet validation = task.batch(config.validationSize(), length, new Random(config.seed() * 31 + length));
        MultiDataSet test = task.batch(config.testSize(), length, new Random(config.seed() * 37 + length + 1));

        double baseline = task.baselineLoss(length);
        SolveCriterion criterion = SolveCriterion.fractionOfBaseline(config.solveFraction(), baseline, config.validateEvery());
        double clearlySolved = criterion.threshold() * CLEARLY_SOLVED;

        int checks = Math.max(1, config.maxUpdates() / config.validateEvery());
        TrainingConfig training = new TrainingConfig(checks, config.batchSize(), config.learningRate(), checks,
                config.clipNorm(), config.seed(), 0, config.budgetSeconds());
        TrainingResult result = new Trainer(training, ProgressReporter.SILENT).until(loss -> loss < clearlySolved)
                .train(TrainableNetwork.of(net), new GeneratedBatches(task, length, config.batchSize(), config.validateEvery()),
                        network -> task.loss(net, validation), null, false);
        OptionalInt steps = criterion.stepsToSolve(result.history());
        return new SweepRow(task.name(), cell.cliName(), length, baseline, task.measuredBaseline(test), task.loss(net, test), criterion.threshold(),
                steps.isPresent() ? steps.getAsInt() : null, result.sequencesSeen() / config.batchSize(),
                result.trainingSeconds(), result.stopReason().name().toLowerCase(Locale.ROOT));
    }

    private static String describe(MemoryTask task, SweepRow row) {
        return String.format(Locale.ROOT, "%s T=%d %s: test %s %.4g (baseline %.4g, measured on the test set %.4g), %s, %d updates in %.1f s (%s)",
                task.name(), row.length(), row.cell(), task.lossName(), row.testLoss(), row.baselineLoss(), row.measuredBaseline(),
                row.solved() ? "solved after " + row.stepsToSolve() + " updates" : "not solved",
                row.updates(), row.trainingSeconds(), row.stopReason().replace('_', ' '));
    }
}
