package io.rnnsuite.charlm.data;

import io.rnnsuite.common.train.BatchSource;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Training minibatches cut from the training text held in memory as indices: each sequence is
 * {@code sequenceLength} characters from a random offset, its labels the same window shifted by
 * one. One epoch covers about as many characters as the text holds; tensors are built per batch
 * and freed when the trainer releases it, so nothing is re-read and memory stays at one batch.
 */
public final class CharSequenceBatches implements BatchSource {

    private final int[] text;
    private final int vocabularySize;
    private final int sequenceLength;
    private final int batchSize;
    private final int batches;

    public CharSequenceBatches(int[] text, int vocabularySize, int sequenceLength, int batchSize) {
        if (text.length < sequenceLength + 1) {
            throw new IllegalArgumentException("text shorter than one sequence");
        }
        this.text = text;
        this.vocabularySize = vocabularySize;
        this.sequenceLength = sequenceLength;
        this.batchSize = batchSize;
        int sequences = Math.max(1, (text.length - 1) / sequenceLength);
        this.batches = Math.max(1, sequences / batchSize);
    }

    @Override
    public int batchesPerEpoch() {
        return batches;
    }

    /** Each minibatch's tensors are built for it alone: freed at once, their memory serves the next. */
    @Override
    public void release(MultiDataSet batch) {
        BatchSource.freeAll(batch);
    }

    @Override
    public Iterator<MultiDataSet> epoch(Random random) {
        int lastStart = text.length - sequenceLength - 1;
        return new Iterator<>() {
            private int produced;

            @Override
            public boolean hasNext() {
                return produced < batches;
            }

            @Override
            public MultiDataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                produced++;
                int[] starts = new int[batchSize];
                for (int b = 0; b < batchSize; b++) {
                    starts[b] = lastStart == 0 ? 0 : random.nextInt(lastStart + 1);
                }
                INDArray features = OneHot.sequences(text, starts, 0, sequenceLength, vocabularySize);
                INDArray labels = OneHot.sequences(text, starts, 1, sequenceLength, vocabularySize);
                return new org.nd4j.linalg.dataset.MultiDataSet(features, labels);
            }
        };
    }
}
