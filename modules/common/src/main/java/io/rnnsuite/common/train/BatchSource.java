package io.rnnsuite.common.train;

import java.util.ArrayList;
import java.util.Collections;
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
        List<MultiDataSet> all = List.copyOf(examples);
        int batches = (all.size() + batchSize - 1) / batchSize;
        return new BatchSource() {
            @Override
            public Iterator<MultiDataSet> epoch(Random random) {
                List<MultiDataSet> order = new ArrayList<>(all);
                Collections.shuffle(order, random);
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < order.size();
                    }

                    @Override
                    public MultiDataSet next() {
                        List<MultiDataSet> slice = order.subList(next, Math.min(order.size(), next + batchSize));
                        next += slice.size();
                        return org.nd4j.linalg.dataset.MultiDataSet.merge(slice);
                    }
                };
            }

            @Override
            public int batchesPerEpoch() {
                return batches;
            }
        };
    }
}
