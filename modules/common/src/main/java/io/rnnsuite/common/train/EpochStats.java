package io.rnnsuite.common.train;

/**
 * One finished epoch, as recorded in run.json and drawn as a learning curve.
 *
 * @param epoch          1-based epoch number
 * @param trainLoss      mean minibatch loss over the epoch
 * @param validationLoss loss on the validation data after the epoch
 * @param seconds        wall-clock time of the epoch including validation
 * @param improved       whether this epoch set a new best validation loss
 * @param updates        parameter updates (minibatches) since training began, this epoch's included,
 *                       so learning curves can be drawn against updates as well as time
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double seconds, boolean improved,
                         long updates) {

    /** An epoch whose update count is unknown (0). */
    public EpochStats(int epoch, double trainLoss, double validationLoss, double seconds, boolean improved) {
        this(epoch, trainLoss, validationLoss, seconds, improved, 0);
    }
}
