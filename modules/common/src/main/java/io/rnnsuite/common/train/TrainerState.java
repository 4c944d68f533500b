package io.rnnsuite.common.train;

import java.util.List;

/**
 * What {@code --resume} needs besides the network: written after every epoch with the network as one
 * checkpoint ({@link Checkpoint}: {@code checkpoint/epoch-N.json} beside {@code epoch-N.zip}).
 *
 * @param completedEpochs          epochs finished so far
 * @param bestEpoch                epoch of the best validation loss
 * @param bestValidationLoss       that loss ({@code Double.MAX_VALUE} before the first epoch)
 * @param epochsWithoutImprovement patience used up so far
 * @param trainingSeconds          wall-clock seconds spent so far
 * @param sequencesSeen            training sequences processed so far
 * @param history                  every finished epoch
 */
public record TrainerState(int completedEpochs, int bestEpoch, double bestValidationLoss, int epochsWithoutImprovement,
                           double trainingSeconds, long sequencesSeen, List<EpochStats> history) {
}
