package io.rnnsuite.spark;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.RemoteMinibatch;
import io.rnnsuite.common.train.ShardedBatchSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Workers reading their own ranges of a {@link ShardedBatchSource}. The driver keeps only the
 * ranges' descriptors (broadcast once per run); an epoch is a sequence of {@link RemoteMinibatch}es
 * in round order (each round: the next K minibatches of every range, range after range), each
 * naming its range, epoch and position; a round's task for a range names the first and how many.
 * On the executor a {@link Cursor} per range keeps the range's data (read once) and the epoch in
 * progress, so a task normally continues where the last one stopped; a task that runs again
 * elsewhere (a lost executor) reads the range there and replays the epoch up to its position.
 *
 * <p>Range {@code p}'s epoch draws from a copy of the trainer's epoch {@link Random} for range 0,
 * and from a seed drawn from it plus {@code p} for the others: with one range the minibatches are
 * exactly those of the source in one process.
 */
final class ShardReads implements BatchSource {

    /** The executors' open ranges, by run and range: read once, kept for the next round's task. */
    private static final Map<String, Cursor> CURSORS = new ConcurrentHashMap<>();

    private final String run;
    private final List<? extends ShardedBatchSource.Shard> shards;
    private final int averagingFrequency;
    private final int batches;
    private long epochs;

    ShardReads(String run, List<? extends ShardedBatchSource.Shard> shards, int averagingFrequency) {
        this.run = run;
        this.shards = shards;
        this.averagingFrequency = averagingFrequency;
        this.batches = shards.stream().mapToInt(ShardedBatchSource.Shard::batchesPerEpoch).sum();
    }

    /**
     * Where one minibatch is.
     *
     * @param part   the range
     * @param epoch  this run's epoch serial number
     * @param random the range's epoch random, serialised
     * @param index  its position in the range's epoch
     */
    record Address(int part, long epoch, byte[] random, int index) implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "[part " + part + ", epoch " + epoch + ", minibatch " + index + "]";
        }
    }

    /**
     * One round's work for one range: {@code count} minibatches from {@code first}.
     *
     * @param run    the run's key for the executors' cursors
     */
    record Task(String run, int part, long epoch, byte[] random, int first, int count) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public int batchesPerEpoch() {
        return batches;
    }

    @Override
    public Iterator<MultiDataSet> epoch(Random random) {
        long epoch = epochs++;
        byte[] first = serialise(random);
        long derived = deserialise(first).nextLong();
        List<MultiDataSet> order = new ArrayList<>(batches);
        byte[][] randoms = new byte[shards.size()][];
        for (int p = 0; p < shards.size(); p++) {
            randoms[p] = p == 0 ? first : serialise(new Random(derived + p));
        }
        for (int round = 0; order.size() < batches; round++) {
            for (int p = 0; p < shards.size(); p++) {
                ShardedBatchSource.Shard shard = shards.get(p);
                int end = Math.min(shard.batchesPerEpoch(), (round + 1) * averagingFrequency);
                for (int i = round * averagingFrequency; i < end; i++) {
                    order.add(new RemoteMinibatch(new Address(p, epoch, randoms[p], i), shard.examplesIn(i)));
                }
            }
        }
        return order.iterator();
    }

    /**
     * A round's remote minibatches as one task per range: a range's minibatches in a round are
     * consecutive (a range with more minibatches than the others can give a round's tail more than K).
     */
    List<Task> tasks(List<? extends MultiDataSet> round) {
        Map<Integer, Task> byPart = new java.util.LinkedHashMap<>();
        for (MultiDataSet batch : round) {
            Address a = (Address) ((RemoteMinibatch) batch).address();
            Task task = byPart.get(a.part());
            if (task == null) {
                byPart.put(a.part(), new Task(run, a.part(), a.epoch(), a.random(), a.index(), 1));
            } else if (task.epoch() == a.epoch() && task.first() + task.count() == a.index()) {
                byPart.put(a.part(), new Task(run, a.part(), a.epoch(), a.random(), task.first(), task.count() + 1));
            } else {
                throw new IllegalStateException("minibatch " + a + " does not follow " + task.count()
                        + " minibatches from " + task.first() + " in its round");
            }
        }
        return new ArrayList<>(byPart.values());
    }

    /** On an executor: reads range {@code part} (once per executor) and returns "" or the one-line reason it cannot. */
    static String open(String run, int part, List<? extends ShardedBatchSource.Shard> shards) {
        try {
            cursor(run, part, shards.get(part));
            return "";
        } catch (UserInputException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return shards.get(part).where() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** On an executor: the task's minibatches. */
    static List<MultiDataSet> read(Task task, List<? extends ShardedBatchSource.Shard> shards) {
        Cursor cursor = cursor(task.run(), task.part(), shards.get(task.part()));
        synchronized (cursor) {
            return cursor.take(task);
        }
    }

    /** Drops this run's ranges held in this JVM. */
    static void forget(String run) {
        CURSORS.keySet().removeIf(key -> key.startsWith(run + "/"));
    }

    private static Cursor cursor(String run, int part, ShardedBatchSource.Shard shard) {
        return CURSORS.computeIfAbsent(run + "/" + part, key -> new Cursor(shard.read()));
    }

    /** One range's data on an executor and where its current epoch is. */
    private static final class Cursor {
        private final BatchSource data;
        private long epoch = -1;
        private Iterator<MultiDataSet> batches;
        private int position;

        Cursor(BatchSource data) {
            this.data = data;
        }

        List<MultiDataSet> take(Task task) {
            if (task.epoch() != epoch || task.first() != position) {
                batches = data.epoch(deserialise(task.random()));
                epoch = task.epoch();
                position = 0;
                for (; position < task.first(); position++) {
                    batches.next(); // a task run again elsewhere replays its range's epoch up to where it starts
                }
            }
            List<MultiDataSet> out = new ArrayList<>(task.count());
            for (int i = 0; i < task.count() && batches.hasNext(); i++, position++) {
                out.add(batches.next());
            }
            return out;
        }
    }

    private static byte[] serialise(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Random deserialise(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Random) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes of {@code value} in Java serialisation (what Spark sends of it). */
    static long serialisedBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }
}
