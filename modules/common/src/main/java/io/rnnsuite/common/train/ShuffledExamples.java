package io.rnnsuite.common.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * {@link BatchSource#shuffled}: whole examples held in memory, shuffled and merged into
 * minibatches each epoch. A minibatch merged from several examples owns its arrays and is freed
 * when released; a minibatch of one example is that example, and is kept.
 */
final class ShuffledExamples implements BatchSource {

    /** A minibatch merged here: its arrays are its own. */
    private static final class Merged extends org.nd4j.linalg.dataset.MultiDataSet {
        Merged(MultiDataSet m) {
            super(m.getFeatures(), m.getLabels(), m.getFeaturesMaskArrays(), m.getLabelsMaskArrays());
        }
    }

    private final List<MultiDataSet> all;
    private final int batchSize;

    ShuffledExamples(List<? extends MultiDataSet> examples, int batchSize) {
        this.all = List.copyOf(examples);
        this.batchSize = batchSize;
    }

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
                return slice.size() == 1 ? slice.get(0) : new Merged(org.nd4j.linalg.dataset.MultiDataSet.merge(slice));
            }
        };
    }

    @Override
    public int batchesPerEpoch() {
        return (all.size() + batchSize - 1) / batchSize;
    }

    @Override
    public void release(MultiDataSet batch) {
        if (batch instanceof Merged) {
            BatchSource.freeAll(batch);
        }
    }
}
