package io.rnnsuite.lab.model;

import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.lab.data.MemoryTask;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * An endless supply of fresh training minibatches: each trainer "epoch" is {@code batchesPerEpoch}
 * new batches drawn from the trainer's per-epoch random, so no example is seen twice and runs
 * repeat exactly for a given seed.
 */
public final class GeneratedBatches implements BatchSource {

    private final MemoryTask task;
    private final int length;
    private final int batchSize;
    private final int batchesPerEpoch;

    public GeneratedBatches(MemoryTask task, int length, int batchSize, int batchesPerEpoch) {
        this.task = task;
        this.length = length;
        this.batchSize = batchSize;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    @Override
    public Iterator<MultiDataSet> epoch(Random random) {
        return new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < batchesPerEpoch;
            }

            @Override
            public MultiDataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                made++;
                return task.batch(batchSize, length, random);
            }
        };
    }

    @Override
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }
}
