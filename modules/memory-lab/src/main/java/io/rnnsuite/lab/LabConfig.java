package io.rnnsuite.lab;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import java.util.List;

/**
 * Settings of a length sweep ({@code lab adding}, {@code lab copy}): every (length, cell) pair is
 * trained from scratch on freshly generated minibatches under the same budget, validated every
 * {@code validateEvery} updates, and scored on a fixed test set.
 *
 * @param lengths        sequence lengths T to sweep (default 10, 25, 50, 100, 200; quick 10, 50)
 * @param cells          recurrent cells to compare (default simple_rnn, lstm, gru)
 * @param hiddenSize     units in the one recurrent layer (default 32; quick 16)
 * @param batchSize      sequences per minibatch update (default 32)
 * @param learningRate   Adam step size (default 0.01)
 * @param clipNorm       per-layer L2 gradient clipping, 0 = off (default 1.0)
 * @param budgetSeconds  wall-clock training budget per (length, cell) run (default 60; quick 8); a run
 *                       that has clearly solved its task stops before it ({@link LengthSweep#CLEARLY_SOLVED})
 * @param maxUpdates     cap on minibatch updates per run (default 20,000; quick 400)
 * @param validateEvery  updates between validations; steps-to-solve is a multiple of it, and the time
 *                       budget is checked at these points, so a run can overrun it by one interval
 *                       (default 25; quick 10)
 * @param validationSize sequences in the fixed validation set (default 256; quick 128)
 * @param testSize       sequences in the fixed test set (default 1,000; quick 256)
 * @param solveFraction  "solved" means validation loss below this fraction of the baseline (default 0.1)
 * @param seed           seeds initialisation and every generated set (default 42)
 */
public record LabConfig(List<Integer> lengths, List<CellType> cells, int hiddenSize, int batchSize,
                        double learningRate, double clipNorm, double budgetSeconds, int maxUpdates,
                        int validateEvery, int validationSize, int testSize, double solveFraction, long seed) {

    public LabConfig {
        if (lengths == null || lengths.isEmpty()) {
            throw new UserInputException("--lengths must list at least one sequence length");
        }
        for (int length : lengths) {
            if (length < 2) {
                throw new UserInputException("--lengths must be at least 2, got " + length);
            }
        }
        if (cells == null || cells.isEmpty()) {
            throw new UserInputException("--cells must list at least one cell type");
        }
        if (hiddenSize < 1 || batchSize < 1 || validateEvery < 1 || validationSize < 1 || testSize < 1) {
            throw new UserInputException("hidden size, batch size, validation interval and set sizes must be positive");
        }
        if (!(budgetSeconds > 0) || Double.isInfinite(budgetSeconds)) {
            throw new UserInputException("--budget must be a positive number of seconds, got " + budgetSeconds);
        }
        if (maxUpdates < validateEvery) {
            throw new UserInputException("--max-updates must be at least " + validateEvery + ", got " + maxUpdates);
        }
        if (!(learningRate > 0) || clipNorm < 0 || !(solveFraction > 0 && solveFraction < 1)) {
            throw new UserInputException("learning rate must be positive, clip norm 0 or positive, solve fraction in (0, 1)");
        }
        lengths = List.copyOf(lengths);
        cells = List.copyOf(cells);
    }

    /** The full sweep whose figures the lab quotes (about 15 minutes for 5 lengths × 3 cells). */
    public static LabConfig defaults() {
        return new LabConfig(List.of(10, 25, 50, 100, 200), List.of(CellType.SIMPLE_RNN, CellType.LSTM, CellType.GRU),
                32, 32, 0.01, 1.0, 60, 20_000, 25, 256, 1_000, 0.1, 42L);
    }

    /** A small sweep (2 lengths × 3 cells, tiny network, 8 s per run) that finishes in about a minute. */
    public static LabConfig quick() {
        return new LabConfig(List.of(10, 50), List.of(CellType.SIMPLE_RNN, CellType.LSTM, CellType.GRU),
                16, 32, 0.01, 1.0, 8, 400, 10, 128, 256, 0.1, 42L);
    }

    public LabConfig withLengths(List<Integer> newLengths) {
        return new LabConfig(newLengths, cells, hiddenSize, batchSize, learningRate, clipNorm, budgetSeconds,
                maxUpdates, validateEvery, validationSize, testSize, solveFraction, seed);
    }

    public LabConfig withCells(List<CellType> newCells) {
        return new LabConfig(lengths, newCells, hiddenSize, batchSize, learningRate, clipNorm, budgetSeconds,
                maxUpdates, validateEvery, validationSize, testSize, solveFraction, seed);
    }

    public LabConfig withBudget(double seconds, int updates) {
        return new LabConfig(lengths, cells, hiddenSize, batchSize, learningRate, clipNorm, seconds,
                updates, validateEvery, validationSize, testSize, solveFraction, seed);
    }

    public LabConfig withSeed(long newSeed) {
        return new LabConfig(lengths, cells, hiddenSize, batchSize, learningRate, clipNorm, budgetSeconds,
                maxUpdates, validateEvery, validationSize, testSize, solveFraction, newSeed);
    }
}
