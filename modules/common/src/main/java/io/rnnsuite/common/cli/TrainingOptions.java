package io.rnnsuite.common.cli;

import io.rnnsuite.common.train.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * The training flags every {@code train} / {@code compare} command shares. Defaults come from
 * {@link TrainingConfig#defaults()} or from the app's own defaults passed to the constructor
 * (declare the mixin as {@code @Mixin TrainingOptions training = new TrainingOptions(appDefaults)}).
 */
public class TrainingOptions {

    @Option(names = "--epochs", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    public int epochs;

    @Option(names = "--batch-size", converter = Ranges.ZeroOrMore.class, paramLabel = "N", description = "Sequences per minibatch; 0 = automatic where the app supports it (default: ${DEFAULT-VALUE}).")
    public int batchSize;

    @Option(names = "--learning-rate", converter = Ranges.Positive.class, paramLabel = "LR", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    public double learningRate;

    @Option(names = "--patience", converter = Ranges.AtLeastOne.class, paramLabel = "N",
            description = "Stop after N epochs without a better validation loss (default: ${DEFAULT-VALUE}).")
    public int patience;

    @Option(names = "--clip", converter = Ranges.ZeroOrMoreNumber.class, paramLabel = "NORM",
            description = "Clip each layer's gradient to this L2 norm; 0 = off (default: ${DEFAULT-VALUE}).")
    public double clip;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--max-batches", converter = Ranges.ZeroOrMore.class, paramLabel = "N",
            description = "At most N minibatches per epoch, 0 = all; for smoke tests (default: ${DEFAULT-VALUE}).")
    public int maxBatches;

    public TrainingOptions() {
        this(TrainingConfig.defaults());
    }

    public TrainingOptions(TrainingConfig defaults) {
        epochs = defaults.maxEpochs();
        batchSize = defaults.batchSize();
        learningRate = defaults.learningRate();
        patience = defaults.patience();
        clip = defaults.clipNorm();
        seed = defaults.seed();
        maxBatches = defaults.maxBatchesPerEpoch();
    }

    public TrainingConfig toConfig() {
        return new TrainingConfig(epochs, batchSize, learningRate, patience, clip, seed, maxBatches, 0);
    }
}
