package io.rnnsuite.lab;

/**
 * One (length, cell) run of a length sweep.
 *
 * @param task            task name ({@code adding}, {@code copy})
 * @param cell            cell name ({@code simple_rnn}, {@code lstm})
 * @param length          sequence length T (the copy task's delay)
 * @param baselineLoss    the input-blind baseline's loss at this length (formula)
 * @param measuredBaseline the same baseline predictor's loss measured on the test set
 * @param testLoss        the trained network's loss on the fixed test set (best validation parameters)
 * @param solveThreshold  validation loss that counts as solved
 * @param stepsToSolve    minibatch updates until the first validation below the threshold; {@code null} if never
 * @param updates         minibatch updates done within the budget
 * @param trainingSeconds wall-clock training time
 * @param stopReason      why training ended (time budget, update cap, diverged)
 */
public record SweepRow(String task, String cell, int length, double baselineLoss, double measuredBaseline, double testLoss,
                       double solveThreshold, Integer stepsToSolve, long updates, double trainingSeconds,
                       String stopReason) {

    public boolean solved() {
        return stepsToSolve != null;
    }

    /** Test loss as a fraction of the baseline: 1 = learned nothing, 0 = perfect. */
    public double relativeLoss() {
        return testLoss / baselineLoss;
    }
}
