package io.rnnsuite.lab;

import io.rnnsuite.common.UserInputException;

/**
 * Settings of {@code lab gradients}.
 *
 * @param length               adding-problem length T for the gradient profiles (default 25: at T = 100 neither cell learned within the training cap on 2 busy cores, see docs/results/memory-lab.md; quick 25)
 * @param hiddenSize           recurrent units (default 32; quick 16)
 * @param probeBatchSize       sequences in the one fixed batch the gradients are measured on (default 64)
 * @param trainUpdates         updates of the "short training" between the two measurements (default 300; quick 60)
 * @param trainBudgetSeconds   time cap on that training, per cell (default 90; quick 15)
 * @param learningRate         Adam step size for that training (default 0.01)
 * @param recurrentRadius      spectral radius given to the exploding SimpleRnn's recurrent matrix (default 3.0)
 * @param explodingLength      adding-problem length for the exploding runs (default 50; quick 30)
 * @param explodingLearningRate plain SGD step size for the exploding runs; SGD, because Adam rescales
 *                             every step and would hide the explosion (default 0.05)
 * @param explodingUpdates     updates per exploding run (default 300; quick 100)
 * @param clipNorm             per-layer L2 clipping threshold of the clipped run (default 1.0)
 * @param seed                 initialisation and data seed (default 42)
 */
public record GradientLabConfig(int length, int hiddenSize, int probeBatchSize, int trainUpdates,
                                double trainBudgetSeconds, double learningRate, double recurrentRadius,
                                int explodingLength, double explodingLearningRate, int explodingUpdates,
                                double clipNorm, long seed) {

    /** Updates between two points of an exploding run's loss curve. */
    public static final int UPDATES_PER_POINT = 5;

    public GradientLabConfig {
        if (length < 2 || explodingLength < 2) {
            throw new UserInputException("--length must be at least 2, got " + Math.min(length, explodingLength));
        }
        if (hiddenSize < 1 || probeBatchSize < 1 || trainUpdates < 1 || explodingUpdates < UPDATES_PER_POINT) {
            throw new UserInputException("hidden size, batch size and update counts must be positive");
        }
        if (!(trainBudgetSeconds > 0) || !(learningRate > 0) || !(explodingLearningRate > 0)
                || !(recurrentRadius > 0) || !(clipNorm > 0)) {
            throw new UserInputException("budget, learning rates, radius and clip norm must be positive");
        }
    }

    public static GradientLabConfig defaults() {
        return new GradientLabConfig(25, 32, 64, 300, 90, 0.01, 3.0, 50, 0.05, 300, 1.0, 42L);
    }

    public static GradientLabConfig quick() {
        return new GradientLabConfig(25, 16, 64, 60, 15, 0.01, 3.0, 30, 0.05, 100, 1.0, 42L);
    }

    public GradientLabConfig withLength(int newLength) {
        return new GradientLabConfig(newLength, hiddenSize, probeBatchSize, trainUpdates, trainBudgetSeconds, learningRate,
                recurrentRadius, explodingLength, explodingLearningRate, explodingUpdates, clipNorm, seed);
    }

    /** The same with at most {@code updates} updates in every training (smoke tests use a handful). */
    public GradientLabConfig withMaxUpdates(int updates) {
        return new GradientLabConfig(length, hiddenSize, probeBatchSize, Math.min(trainUpdates, updates), trainBudgetSeconds,
                learningRate, recurrentRadius, explodingLength, explodingLearningRate,
                Math.max(UPDATES_PER_POINT, Math.min(explodingUpdates, updates)), clipNorm, seed);
    }

    public GradientLabConfig withSeed(long newSeed) {
        return new GradientLabConfig(length, hiddenSize, probeBatchSize, trainUpdates, trainBudgetSeconds, learningRate,
                recurrentRadius, explodingLength, explodingLearningRate, explodingUpdates, clipNorm, newSeed);
    }
}
