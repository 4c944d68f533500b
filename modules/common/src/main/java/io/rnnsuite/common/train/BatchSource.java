package io.rnnsuite.common.train;

import io.rnnsuite.layers.OffHeap;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Where the {@link Trainer} gets an epoch's minibatches. */
public interface BatchSource {

    /** The minibatches of one epoch, in training order; {@code random} is seeded per epoch. */
    Iterator<MultiDataSet> epoch(Random random);

    /** Minibatches per epoch, for the progress bar. */
    int batchesPerEpoch();

    /**
     * Called by the {@link Trainer} once {@code batch}, one of this source's minibatches, has been
     * fitted and counted, when nothing refers to it any more. A source that builds each minibatch
     * afresh frees its arrays here ({@link OffHeap#free}) rather than leaving their memory to the
     * garbage collector; one that hands out arrays it keeps (examples held in memory) must not.
     * Does nothing by default.
     */
    default void release(MultiDataSet batch) {
    }

    /** Frees every array of {@code batch}: its features, labels and masks. */
    static void freeAll(MultiDataSet batch) {
        OffHeap.free(batch.getFeatures());
        OffHeap.free(batch.getLabels());
        if (batch.getFeaturesMaskArrays() != null) {
            OffHeap.free(batch.getFeaturesMaskArrays());
        }
        if (batch.getLabelsMaskArrays() != null) {
            OffHeap.free(batch.getLabelsMaskArrays());
        }
    }

    /**
     * Shuffles whole examples held in memory and merges them into minibatches each epoch
     * (variable-length sequences are padded and masked by {@link org.nd4j.linalg.dataset.MultiDataSet#merge}).
     */
    static BatchSource shuffled(List<? extends MultiDataSet> examples, int batchSize) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (batchSize < 1) {
            throw new io.rnnsuite.common.UserInputException("--batch-size must be positive here (automatic sizing, 0, "
                    + "is not supported by this command), got " + batchSize);
        }
        return new ShuffledExamples(examples, batchSize);
    }
}
