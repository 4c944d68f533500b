package io.rnnsuite.common.train;

import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.ModelDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoublePredicate;
import java.util.function.ToDoubleFunction;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop every app uses.
 *
 * <p>Each epoch trains on every minibatch of the {@link BatchSource} (shuffled with a seed derived
 * from the configured seed and the epoch number, so runs repeat and resumes shuffle the same way),
 * then computes the validation loss. A new best validation loss is kept in memory and, when an
 * output directory is given, written atomically to {@code model.zip}. After every epoch the
 * network with its optimiser state and the loop's own state go to {@code checkpoint/} as one unit
 * ({@link Checkpoint}: a kill leaves the previous epoch's pair or the new one, never a mix), so
 * {@code --resume} after a kill -9 loses at most the epoch in progress. Training stops after
 * {@code maxEpochs}, after {@code patience} epochs without improvement, before an epoch that would
 * overrun the time budget (an epoch that alone outlasts the budget is cut short, then validated),
 * or as soon as a loss is NaN or infinite (the best model is kept).
 * On return the network holds the best parameters.
 *
 * <p>Minibatches are fitted by a {@link FitStrategy}: one at a time in this thread, or in rounds on
 * a cluster ({@link FitScope}); a round is fitted whole, so the budget and divergence checks fall
 * between rounds there, and gradient statistics cover local fits only.
 */
public final class Trainer {

    private final TrainingConfig config;
    private final ProgressReporter progress;
    private final FitStrategy fitting;
    private final DoublePredicate target;

    /** A trainer that fits minibatches where this thread's {@link FitScope} says (locally by default). */
    public Trainer(TrainingConfig config, ProgressReporter progress) {
        this(config, progress, FitScope.current());
    }

    /** A trainer that fits minibatches with {@code fitting} ({@link FitStrategy#LOCAL}, or a cluster's rounds). */
    public Trainer(TrainingConfig config, ProgressReporter progress, FitStrategy fitting) {
        this(config, progress, fitting, null);
    }

    private Trainer(TrainingConfig config, ProgressReporter progress, FitStrategy fitting, DoublePredicate target) {
        this.config = config;
        this.progress = progress == null ? ProgressReporter.SILENT : progress;
        this.fitting = fitting == null ? FitStrategy.LOCAL : fitting;
        this.target = target;
    }

    /**
     * The same trainer, stopping as soon as a validation loss passes {@code reached} (the memory lab
     * stops a run once its task is clearly solved instead of spending the rest of its budget).
     */
    public Trainer until(DoublePredicate reached) {
        return new Trainer(config, progress, fitting, reached);
    }

    /**
     * Trains {@code network}.
     *
     * @param network        the network (initialised; its parameters are replaced by the best ones)
     * @param trainingData   training minibatches
     * @param validationLoss loss on the validation data, lower is better
     * @param outputDir      where {@code model.zip} and {@code checkpoint/} go; {@code null} keeps
     *                       everything in memory
     * @param resume         continue from {@code outputDir/checkpoint} if it exists
     */
    public TrainingResult train(TrainableNetwork network, BatchSource trainingData,
                                ToDoubleFunction<TrainableNetwork> validationLoss, Path outputDir, boolean resume) {
        Nd4j.getRandom().setSeed(config.seed());
        BatchSource batchSource = fitting.batches(trainingData);
        TrainerState state = new TrainerState(0, 0, Double.MAX_VALUE, 0, 0, 0, new ArrayList<>());
        INDArray bestParams = null;
        if (resume) {
            state = restore(network, outputDir);
            progress.message(String.format(Locale.ROOT, "resuming after epoch %d (best validation loss %.5f at epoch %d)",
                    state.completedEpochs(), state.bestValidationLoss(), state.bestEpoch()));
        }
        List<EpochStats> history = new ArrayList<>(state.history());
        int bestEpoch = state.bestEpoch();
        double bestLoss = state.bestValidationLoss();
        int stale = state.epochsWithoutImprovement();
        double seconds = state.trainingSeconds();
        long sequences = state.sequencesSeen();
        long updates = history.isEmpty() ? 0 : history.get(history.size() - 1).updates();
        long runStart = System.nanoTime();
        double lastEpochSeconds = 0;
        StopReason reason = StopReason.MAX_EPOCHS;
        String message = null;

        GradientMonitor gradients = new GradientMonitor(config.clipNorm());
        Collection<TrainingListener> listenersBefore = network.listeners();
        List<TrainingListener> withMonitor = new ArrayList<>(listenersBefore);
        withMonitor.add(gradients);
        network.setListeners(withMonitor);
        try {
            for (int epoch = state.completedEpochs() + 1; epoch <= config.maxEpochs(); epoch++) {
                if (stale >= config.patience()) {
                    reason = StopReason.EARLY_STOPPING;
                    break;
                }
                if (config.timeBudgetSeconds() > 0 && !history.isEmpty()) {
                    double spent = (System.nanoTime() - runStart) / 1e9;
                    if (spent + lastEpochSeconds > config.timeBudgetSeconds()) {
                        reason = StopReason.TIME_BUDGET;
                        break;
                    }
                }
                long epochStart = System.nanoTime();
                int batches = config.maxBatchesPerEpoch() > 0
                        ? Math.min(config.maxBatchesPerEpoch(), batchSource.batchesPerEpoch())
                        : batchSource.batchesPerEpoch();
                progress.epochStarted(epoch, config.maxEpochs(), batches);
                Iterator<MultiDataSet> it = batchSource.epoch(new Random(config.seed() * 1_000_003L + epoch));
                double lossSum = 0;
                int done = 0;
                boolean outOfTime = false;
                int perRound = Math.max(1, fitting.minibatchesPerRound());
                while (it.hasNext() && done < batches) {
                    if (config.timeBudgetSeconds() > 0 && done > 0
                            && (System.nanoTime() - runStart) / 1e9 > config.timeBudgetSeconds()) {
                        outOfTime = true; // an epoch longer than the budget ends early; it is still validated
                        break;
                    }
                    // one minibatch per round locally; a cluster fits workers x averaging frequency of them
                    List<MultiDataSet> round = new ArrayList<>(Math.min(perRound, batches - done));
                    while (it.hasNext() && round.size() < perRound && done + round.size() < batches) {
                        round.add(it.next());
                    }
                    FitStrategy.Round fitted = fitting.fit(network, round);
                    long roundSequences = 0;
                    for (MultiDataSet batch : round) {
                        roundSequences += batch instanceof RemoteMinibatch remote ? remote.examples() : batch.getFeatures(0).size(0);
                        batchSource.release(batch);
                    }
                    double loss = fitted.meanLoss();
                    done += round.size();
                    updates += fitted.updates();
                    if (!Double.isFinite(loss)) {
                        message = divergence(loss, epoch, done, bestEpoch, outputDir);
                        reason = StopReason.DIVERGED;
                        break;
                    }
                    lossSum += fitted.lossSum();
                    sequences += roundSequences;
                    progress.batchFinished(done, loss);
                }
                if (reason == StopReason.DIVERGED) {
                    break;
                }
                double validation = validationLoss.applyAsDouble(network);
                if (!Double.isFinite(validation)) {
                    message = divergence(validation, epoch, done, bestEpoch, outputDir);
                    reason = StopReason.DIVERGED;
                    break;
                }
                boolean improved = validation < bestLoss;
                if (improved) {
                    bestLoss = validation;
                    bestEpoch = epoch;
                    bestParams = network.params().dup();
                    stale = 0;
                    if (outputDir != null) {
                        save(network, outputDir.resolve(ModelDirectory.MODEL_FILE), false);
                    }
                } else {
                    stale++;
                }
                lastEpochSeconds = (System.nanoTime() - epochStart) / 1e9;
                seconds += lastEpochSeconds;
                EpochStats stats = new EpochStats(epoch, lossSum / Math.max(1, done), validation, lastEpochSeconds, improved,
                        updates);
                history.add(stats);
                if (outputDir != null) {
                    checkpoint(network, outputDir, new TrainerState(epoch, bestEpoch, bestLoss, stale, seconds, sequences, history));
                }
                progress.epochFinished(stats, config.maxEpochs(), lastEpochSeconds * (config.maxEpochs() - epoch));
                if (target != null && target.test(validation)) {
                    reason = StopReason.TARGET_REACHED;
                    break;
                }
                if (outOfTime) {
                    reason = StopReason.TIME_BUDGET;
                    break;
                }
            }
        } finally {
            network.setListeners(listenersBefore);
        }
        if (reason == StopReason.MAX_EPOCHS && stale >= config.patience() && history.size() < config.maxEpochs()) {
            reason = StopReason.EARLY_STOPPING;
        }
        restoreBest(network, bestParams, bestEpoch, outputDir);
        if (message == null) {
            message = String.format(Locale.ROOT, "stopped (%s) after %d epochs; best validation loss %.5f at epoch %d",
                    reason.name().toLowerCase(Locale.ROOT).replace('_', ' '), history.size(), bestLoss, bestEpoch);
        }
        progress.message(message);
        TrainingResult result = new TrainingResult(List.copyOf(history), bestEpoch, bestLoss, reason, message, seconds, sequences,
                updates, gradients.maxNorm(), gradients.clippedUpdates(), gradients.steps(), fitting.description());
        progress.trainingFinished(result);
        return result;
    }

    private String divergence(double loss, int epoch, int batch, int bestEpoch, Path outputDir) {
        String kept = bestEpoch == 0 ? "no epoch finished, so no model was kept"
                : "best model from epoch " + bestEpoch + " kept"
                + (outputDir == null ? "" : " at " + outputDir.resolve(ModelDirectory.MODEL_FILE));
        return String.format(Locale.ROOT, "training diverged: loss became %s at epoch %d, batch %d "
                + "(try a lower --learning-rate or a --clip threshold); %s", loss, epoch, batch, kept);
    }

    private void restoreBest(TrainableNetwork network, INDArray bestParams, int bestEpoch, Path outputDir) {
        if (bestParams != null) {
            network.setParams(bestParams);
        } else if (bestEpoch > 0 && outputDir != null) {
            try {
                network.restore(outputDir.resolve(ModelDirectory.MODEL_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reload the best model", e);
            }
        }
    }

    private static void save(TrainableNetwork network, Path file, boolean withUpdater) {
        try {
            AtomicFiles.write(file, tmp -> network.save(tmp, withUpdater));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void checkpoint(TrainableNetwork network, Path outputDir, TrainerState state) {
        Checkpoint.save(network, outputDir, state);
    }

    /** True when {@code outputDir} holds a checkpoint that {@code resume} can continue from ({@link Checkpoint}). */
    public static boolean hasCheckpoint(Path outputDir) {
        return Checkpoint.exists(outputDir);
    }

    private static TrainerState restore(TrainableNetwork network, Path outputDir) {
        return Checkpoint.restore(network, outputDir);
    }
}
