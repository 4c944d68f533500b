package io.rnnsuite.common.train;

import java.io.Serializable;

/**
 * A minibatch that a cluster's worker reads itself ({@link ShardedBatchSource}): it holds only its
 * address (which range, which epoch, which minibatch) and how many examples it has, so the driver
 * never builds it. It has no arrays: fitting it in this process fails at once.
 */
public final class RemoteMinibatch extends org.nd4j.linalg.dataset.MultiDataSet {

    private final Serializable address;
    private final int examples;

    public RemoteMinibatch(Serializable address, int examples) {
        this.address = address;
        this.examples = examples;
    }

    /** Which minibatch of which range, in the cluster strategy's terms. */
    public Serializable address() {
        return address;
    }

    /** Examples (sequences) it holds. */
    public int examples() {
        return examples;
    }

    @Override
    public String toString() {
        return "RemoteMinibatch" + address;
    }
}
