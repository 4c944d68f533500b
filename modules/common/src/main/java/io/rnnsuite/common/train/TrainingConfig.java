package io.rnnsuite.common.train;

import io.rnnsuite.common.UserInputException;
import java.time.Duration;

/**
 * How long and how hard to train. Defaults ({@link #defaults()}) suit the bundled examples.
 *
 * @param maxEpochs          upper bound on epochs (default 60)
 * @param batchSize          sequences per minibatch (default 32); 0 = the app chooses from its data size
 *                           (it must resolve it before training)
 * @param learningRate       Adam step size (default 0.005)
 * @param patience           epochs without a better validation loss before stopping (default 10)
 * @param clipNorm           per-layer L2 gradient clipping threshold, 0 = off (default 1.0)
 * @param seed               seeds initialisation, dropout and shuffling (default 42)
 * @param maxBatchesPerEpoch cap on minibatches per epoch, 0 = all (default 0; tests use a few)
 * @param timeBudgetSeconds  wall-clock budget in seconds; training stops before an epoch that would
 *                           not fit (default 0 = none)
 */
public record TrainingConfig(int maxEpochs, int batchSize, double learningRate, int patience,
                             double clipNorm, long seed, int maxBatchesPerEpoch, double timeBudgetSeconds) {

    public TrainingConfig {
        if (maxEpochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + maxEpochs);
        }
        if (batchSize < 0) {
            throw new UserInputException("--batch-size must be 0 (automatic) or positive, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("--learning-rate must be a positive number, got " + learningRate);
        }
        if (patience < 1) {
            throw new UserInputException("--patience must be at least 1, got " + patience);
        }
        if (clipNorm < 0 || Double.isNaN(clipNorm)) {
            throw new UserInputException("--clip must be 0 (off) or positive, got " + clipNorm);
        }
        if (maxBatchesPerEpoch < 0) {
            throw new UserInputException("--max-batches must be 0 (all) or positive, got " + maxBatchesPerEpoch);
        }
        if (timeBudgetSeconds < 0 || Double.isNaN(timeBudgetSeconds)) {
            throw new UserInputException("a time budget must be positive, got " + timeBudgetSeconds + " s");
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(60, 32, 0.005, 10, 1.0, 42L, 0, 0);
    }

    public TrainingConfig withMaxEpochs(int epochs) {
        return new TrainingConfig(epochs, batchSize, learningRate, patience, clipNorm, seed, maxBatchesPerEpoch, timeBudgetSeconds);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, clipNorm, newSeed, maxBatchesPerEpoch, timeBudgetSeconds);
    }

    /** The same with a wall-clock budget ({@code null} = none). */
    public TrainingConfig withTimeBudget(Duration budget) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, clipNorm, seed, maxBatchesPerEpoch,
                budget == null ? 0 : budget.toMillis() / 1000.0);
    }

    public TrainingConfig withBatchSize(int newBatchSize) {
        return new TrainingConfig(maxEpochs, newBatchSize, learningRate, patience, clipNorm, seed, maxBatchesPerEpoch, timeBudgetSeconds);
    }
}
