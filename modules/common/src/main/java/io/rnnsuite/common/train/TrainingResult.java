package io.rnnsuite.common.train;

import java.util.List;

/**
 * What a training run produced. The network handed to the trainer holds the best parameters
 * afterwards (not the last ones).
 *
 * @param history            every finished epoch, including those before a resume
 * @param bestEpoch          epoch with the lowest validation loss (0 if none finished)
 * @param bestValidationLoss that loss
 * @param stopReason         why the loop ended
 * @param message            one human line about how it ended (the divergence message, say)
 * @param trainingSeconds    wall-clock seconds spent training in this and earlier (resumed) runs
 * @param sequencesSeen      training sequences processed, for throughput figures
 * @param updates            parameter updates (minibatches) over the whole run, a diverging one included
 * @param maxGradientNorm    the largest L2 norm of a whole gradient before clipping, in this run
 *                           (not counting epochs before a resume)
 * @param clippedUpdates     gradient steps in this run in which a layer's gradient exceeded the clipping threshold
 * @param gradientSteps      gradients computed in this run (one per update, or one per truncated-BPTT window)
 * @param cluster            where the minibatches were fitted when not in this process (master, workers,
 *                           averaging frequency; snake_case keys), else {@code null}
 */
public record TrainingResult(List<EpochStats> history, int bestEpoch, double bestValidationLoss,
                             StopReason stopReason, String message, double trainingSeconds, long sequencesSeen,
                             long updates, double maxGradientNorm, long clippedUpdates, long gradientSteps,
                             java.util.Map<String, Object> cluster) {

    /** A result of training in this process. */
    public TrainingResult(List<EpochStats> history, int bestEpoch, double bestValidationLoss,
                          StopReason stopReason, String message, double trainingSeconds, long sequencesSeen,
                          long updates, double maxGradientNorm, long clippedUpdates, long gradientSteps) {
        this(history, bestEpoch, bestValidationLoss, stopReason, message, trainingSeconds, sequencesSeen, updates,
                maxGradientNorm, clippedUpdates, gradientSteps, null);
    }

    /** A result whose update count and gradient figures are unknown (0). */
    public TrainingResult(List<EpochStats> history, int bestEpoch, double bestValidationLoss,
                          StopReason stopReason, String message, double trainingSeconds, long sequencesSeen) {
        this(history, bestEpoch, bestValidationLoss, stopReason, message, trainingSeconds, sequencesSeen, 0, 0, 0, 0);
    }

    /** Share of gradient steps that clipping changed (0 when none were computed). */
    public double clippedShare() {
        return gradientSteps > 0 ? clippedUpdates / (double) gradientSteps : 0;
    }

    /** Seconds per parameter update (0 when none). */
    public double secondsPerUpdate() {
        return updates > 0 ? trainingSeconds / updates : 0;
    }

    /** Training sequences per second over the whole run. */
    public double sequencesPerSecond() {
        return trainingSeconds > 0 ? sequencesSeen / trainingSeconds : 0;
    }
}
