package io.rnnsuite.common.train;

import io.rnnsuite.layers.OffHeap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
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
        List<MultiDataSet> all = List.copyOf(examples);
        int batches = (all.size() + batchSize - 1) / batchSize;
        // minibatches merged here own their arrays (one example alone is handed out as itself, and kept);
        // synchronized: a source may feed epochs in more than one thread
        java.util.Set<MultiDataSet> merged = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
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
                        MultiDataSet batch = org.nd4j.linalg.dataset.MultiDataSet.merge(slice);
                        if (slice.stream().noneMatch(example -> example == batch)) {
                            merged.add(batch);
                        }
                        return batch;
                    }
                };
            }

            @Override
            public int batchesPerEpoch() {
                return batches;
            }

            @Override
            public void release(MultiDataSet batch) {
                if (merged.remove(batch)) {
                    freeAll(batch);
                }
            }
        };
    }
}
