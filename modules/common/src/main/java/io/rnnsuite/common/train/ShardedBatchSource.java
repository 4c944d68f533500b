package io.rnnsuite.common.train;

import java.io.Serializable;
import java.util.List;

/**
 * Training minibatches made from a file that every machine of a cluster can read at the same path,
 * so that a cluster's workers can each read and batch their own part of it instead of receiving
 * minibatches from the driver. In one process it is an ordinary {@link BatchSource}; a cluster
 * {@link FitStrategy} asks for {@link #shards} in {@link FitStrategy#batches}.
 */
public interface ShardedBatchSource extends BatchSource {

    /**
     * The training data cut into at most {@code parts} contiguous ranges (fewer when it is too small
     * for that many), each carrying what a worker needs to read and batch it as this source does
     * (the path, the range, the vocabulary). One range gives this source's own minibatches.
     */
    List<? extends Shard> shards(int parts);

    /** One range of the file, read on a worker. */
    interface Shard extends Serializable {

        /** Where it is, for messages: the file and the range. */
        String where();

        /** Minibatches in one epoch of this range. */
        int batchesPerEpoch();

        /** Examples in minibatch {@code index} (0-based) of an epoch of this range. */
        int examplesIn(int index);

        /**
         * Reads the range and returns its minibatches; a range that cannot be read (no such file,
         * changed since the driver cut it) is a one-line {@link io.rnnsuite.common.UserInputException}.
         */
        BatchSource read();
    }
}
