package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.SectionProgress;

import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One progress bar for a whole comparison: models finished out of all, time elapsed, and an ETA
 * from the budget fixed before the first model starts (every model gets the same seconds; the
 * lab runs on budgets of its own). On a terminal one line is redrawn, with the model in training
 * as a short note at its end; elsewhere (CI, a pipe) one plain line per finished model. The apps'
 * per-epoch lines are not shown: a comparison trains dozens of models.
 */
final class CompareProgress implements SectionProgress {

    private static final int BAR_WIDTH = 20;
    private static final int MAX_LINE = 100;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final int totalModels;
    /** Trainings at the same time: the budgets left take this many times less wall time. */
    private final int parallel;
    private double secondsPerModel;
    private final long startNanos = System.nanoTime();

    private int modelsDone;
    /** Budget seconds of every model and fixed-time section not finished yet. */
    private double budgetLeft;
    /** Training seconds of the models finished so far. */
    private double trainingSeconds;
    /** Budget of what is running now: one model, or a section with budgets of its own. */
    private double unitBudget;
    private long unitStartNanos = startNanos;
    private int sectionFirstModel;
    private double sectionBudgetAtStart;
    private String note = "";
    private int drawnLength;
    private long lastDrawNanos;

    /**
     * @param out             where the bar goes
     * @param interactive     redraw one line (a terminal) instead of printing a line per model
     * @param totalModels     models the whole run trains
     * @param secondsPerModel each model's training budget
     * @param fixedSeconds    seconds of sections that do not share the per-model budget (the lab)
     * @param parallel        trainings at the same time
     */
    CompareProgress(PrintStream out, boolean interactive, int totalModels, double secondsPerModel, double fixedSeconds,
                    int parallel) {
        this.out = out;
        this.interactive = interactive;
        this.totalModels = totalModels;
        this.parallel = Math.max(1, parallel);
        this.secondsPerModel = secondsPerModel;
        this.budgetLeft = totalModels * secondsPerModel + fixedSeconds;
    }

    /** On stderr; a redrawn line only when a console is attached. */
    static CompareProgress onStderr(int totalModels, double secondsPerModel, double fixedSeconds, int parallel) {
        return new CompareProgress(System.err, System.console() != null, totalModels, secondsPerModel, fixedSeconds, parallel);
    }

    /**
     * Seconds still to go: the budget of everything unfinished, less what the running model or
     * section has used of its own budget (a model that overruns its budget does not push the
     * estimate below the others' budgets).
     *
     * @param budgetLeft      budget seconds of every unfinished model and fixed-time section
     * @param unitBudget      the budget of the one running now (part of {@code budgetLeft})
     * @param secondsIntoUnit how long it has run
     */
    static double etaSeconds(double budgetLeft, double unitBudget, double secondsIntoUnit) {
        return Math.max(0, budgetLeft - Math.min(Math.max(0, secondsIntoUnit), unitBudget));
    }

    /**
     * The bar: {@code models 3/12 [#####...............] 0:40 elapsed, ETA 1:40  forecast co2 lstm}.
     *
     * @param note what runs now or what just finished; empty for none
     */
    static String line(int done, int total, double elapsedSeconds, double etaSeconds, String note) {
        int filled = total > 0 ? (int) Math.round(BAR_WIDTH * Math.min(1.0, (double) done / total)) : BAR_WIDTH;
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        return String.format(Locale.ROOT, "models %d/%d [%s] %s elapsed, ETA %s%s", done, total, bar,
                ConsoleProgress.clock(elapsedSeconds), ConsoleProgress.clock(etaSeconds),
                note == null || note.isEmpty() ? "" : "  " + note);
    }

    /**
     * The shared budget was shared out again (earlier models left time over): each remaining model
     * now has {@code secondsPerModel}, and everything unfinished {@code budgetLeft} seconds.
     */
    synchronized void rebudget(double newSecondsPerModel, double newBudgetLeft) {
        secondsPerModel = newSecondsPerModel;
        budgetLeft = newBudgetLeft;
        unitBudget = newSecondsPerModel;
    }

    /** A section begins: {@code models} models on the shared budget, or {@code fixedSeconds} of its own. */
    synchronized void sectionStarted(String app, int models, double fixedSeconds) {
        sectionFirstModel = modelsDone;
        sectionBudgetAtStart = budgetLeft;
        unitBudget = models > 0 ? secondsPerModel : fixedSeconds;
        unitStartNanos = System.nanoTime();
        note = models > 0 ? app : app + " (budgets of its own)";
        redraw(true);
    }

    /** The section ended: its models and fixed seconds count as done, however many trainings were seen. */
    synchronized void sectionFinished(int models, double fixedSeconds) {
        modelsDone = Math.min(totalModels, sectionFirstModel + models);
        budgetLeft = Math.max(0, sectionBudgetAtStart - models * secondsPerModel - fixedSeconds);
        unitBudget = secondsPerModel;
        unitStartNanos = System.nanoTime();
        note = "";
        clear();
    }

    /**
     * A reporter for the trainings of one part of a section; the k-th training it sees is named
     * {@code prefix + " " + modelLabels[k]}.
     */
    @Override
    public ProgressReporter reporter(String prefix, List<String> modelLabels) {
        return new ProgressReporter() {
            private int finished;

            private String label() {
                return finished < modelLabels.size() ? prefix + " " + modelLabels.get(finished) : prefix;
            }

            @Override
            public void epochStarted(int epoch, int maxEpochs, int batches) {
                training(label() + " epoch " + epoch, true);
            }

            @Override
            public void batchFinished(int batch, double loss) {
                training(null, false); // keeps the clock going; the loss would crowd the line
            }

            @Override
            public void trainingFinished(TrainingResult result) {
                addTrainingSeconds(result.trainingSeconds());
                modelFinished(label(), result.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " after " + result.history().size() + " epochs");
                finished++;
            }
        };
    }

    /** A stream whose lines are printed above the bar, each after {@code indent}. */
    @Override
    public PrintStream lines(String indent) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    println(out, indent + pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** Prints {@code text} to {@code target} (stdout or the bar's stream) without tearing the bar. */
    synchronized void println(PrintStream target, String text) {
        clear();
        target.println(text);
        target.flush();
        redraw(true);
    }

    /** Takes the bar off the screen (before an error message or the final line). */
    synchronized void clear() {
        if (drawnLength > 0) {
            out.print("\r" + " ".repeat(drawnLength) + "\r");
            out.flush();
            drawnLength = 0;
        }
    }

    private synchronized void training(String text, boolean force) {
        if (text != null) {
            note = text;
        }
        redraw(force);
    }

    private synchronized void addTrainingSeconds(double seconds) {
        trainingSeconds += seconds;
    }

    /** Training seconds of every model finished so far (evaluations, baselines and data loading not counted). */
    synchronized double trainingSecondsUsed() {
        return trainingSeconds;
    }

    private synchronized void modelFinished(String label, String how) {
        modelsDone = Math.min(totalModels, modelsDone + 1);
        budgetLeft = Math.max(0, budgetLeft - secondsPerModel);
        unitBudget = secondsPerModel;
        unitStartNanos = System.nanoTime();
        if (interactive) {
            note = label + " done";
            redraw(true);
        } else {
            out.println(current(label + ": " + how));
            out.flush();
        }
    }

    private String current(String text) {
        long now = System.nanoTime();
        return line(modelsDone, totalModels, (now - startNanos) / 1e9,
                etaSeconds(budgetLeft, unitBudget, (now - unitStartNanos) / 1e9) / parallel, text);
    }

    private void redraw(boolean force) {
        long now = System.nanoTime();
        if (!interactive || (!force && now - lastDrawNanos < REDRAW_NANOS)) {
            return;
        }
        lastDrawNanos = now;
        String text = current(note);
        if (text.length() > MAX_LINE) {
            text = text.substring(0, MAX_LINE - 3) + "...";
        }
        out.print("\r" + text + " ".repeat(Math.max(0, drawnLength - text.length())));
        out.flush();
        drawnLength = text.length();
    }
}
