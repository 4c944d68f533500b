package io.rnnsuite.common.train;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Where the {@link Trainer} fits minibatches: in this thread, one update per minibatch
 * ({@link #LOCAL}, the default), or on a cluster in rounds (each worker fits its share of a
 * round's minibatches starting from the same parameters, then the parameters and optimiser state
 * are averaged). Validation, early stopping, checkpoints, the time budget and the run record stay
 * with the trainer either way. The train command's {@code --spark} installs a cluster strategy for
 * its thread with {@link FitScope#install}.
 */
public interface FitStrategy {

    /** One minibatch at a time, in this thread. */
    FitStrategy LOCAL = new FitStrategy() {
        @Override
        public int minibatchesPerRound() {
            return 1;
        }

        @Override
        public Round fit(TrainableNetwork network, List<MultiDataSet> minibatches) {
            double lossSum = 0;
            for (MultiDataSet batch : minibatches) {
                network.fit(batch);
                lossSum += network.lastLoss();
            }
            return new Round(lossSum, minibatches.size(), minibatches.size());
        }
    };

    /**
     * The minibatches this strategy fits for {@code trainingData}: the same ones here; a cluster whose
     * workers read their own ranges of a {@link ShardedBatchSource} gives {@link RemoteMinibatch}es.
     */
    default BatchSource batches(BatchSource trainingData) {
        return trainingData;
    }

    /** The most minibatches one {@link #fit} call takes (1 here; workers × averaging frequency on a cluster). */
    int minibatchesPerRound();

    /**
     * Fits {@code minibatches} (at most {@link #minibatchesPerRound()}), leaving {@code network}
     * with the resulting parameters and optimiser state.
     */
    Round fit(TrainableNetwork network, List<MultiDataSet> minibatches);

    /**
     * Where training ran, for the run record's {@code training.cluster} (snake_case keys), or
     * {@code null} when it ran in this process.
     */
    default Map<String, Object> description() {
        return null;
    }

    /**
     * What one round did.
     *
     * @param lossSum     the sum of the minibatches' training losses (non-finite if one was)
     * @param minibatches minibatches fitted
     * @param updates     sequential parameter updates: one per minibatch here; on a cluster, the most
     *                    minibatches one worker fitted in the round
     */
    record Round(double lossSum, int minibatches, long updates) {

        /** Mean training loss of the round's minibatches. */
        public double meanLoss() {
            return minibatches == 0 ? 0 : lossSum / minibatches;
        }
    }
}
