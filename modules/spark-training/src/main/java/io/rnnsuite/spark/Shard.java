package io.rnnsuite.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * One worker's minibatches of one averaging round, in ND4J's own binary form (features, labels,
 * masks), so that any app's batches travel without the app's classes.
 *
 * @param worker      which partition of the round
 * @param minibatches the minibatches, in the order they are fitted
 */
record Shard(int worker, List<byte[]> minibatches) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The round's minibatches split into at most {@code workers} contiguous, nearly equal shards (none empty). */
    static List<Shard> split(List<? extends MultiDataSet> round, int workers) {
        int parts = Math.min(workers, round.size());
        List<Shard> shards = new ArrayList<>(parts);
        int start = 0;
        for (int w = 0; w < parts; w++) {
            int size = round.size() / parts + (w < round.size() % parts ? 1 : 0);
            List<byte[]> bytes = new ArrayList<>(size);
            for (MultiDataSet batch : round.subList(start, start + size)) {
                bytes.add(write(batch));
            }
            shards.add(new Shard(w, bytes));
            start += size;
        }
        return shards;
    }

    /** The minibatches as ND4J objects again. */
    List<MultiDataSet> read() {
        List<MultiDataSet> all = new ArrayList<>(minibatches.size());
        for (byte[] bytes : minibatches) {
            org.nd4j.linalg.dataset.MultiDataSet batch = new org.nd4j.linalg.dataset.MultiDataSet();
            try {
                batch.load(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a minibatch sent by the driver", e);
            }
            all.add(batch);
        }
        return all;
    }

    long bytes() {
        return minibatches.stream().mapToLong(b -> b.length).sum();
    }

    private static byte[] write(MultiDataSet batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            batch.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a minibatch", e);
        }
        return out.toByteArray();
    }
}
