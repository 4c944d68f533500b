package io.rnnsuite.spark;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ClusterTraining;
import io.rnnsuite.common.train.RemoteMinibatch;
import io.rnnsuite.common.train.ShardedBatchSource;
import io.rnnsuite.common.train.TrainableNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Synchronous parameter averaging on a Spark context. Each round the driver broadcasts the
 * network's parameters and optimiser state, splits the round's {@code workers × K} minibatches into
 * one partition per worker, lets every worker fit its K minibatches from the broadcast state
 * ({@code map} over the partitions), and averages what they send back ({@code treeReduce}, weighted
 * by minibatches fitted) into the driver's network. Spark schedules the tasks and runs a lost
 * worker's partition again elsewhere; a round is all or nothing, so training goes on from the same
 * state. When the training data is a file every worker can read ({@link ShardedBatchSource}), the
 * round's tasks carry only which minibatches of which range to fit, and the workers read and batch
 * their ranges themselves ({@link ShardReads}).
 */
final class ParameterAveraging implements ClusterTraining.Session {

    private final JavaSparkContext spark;
    private final SparkMaster master;
    private final int workers;
    private final int averagingFrequency;
    private final boolean workersRead;
    private Model lastModel;
    private NetworkBlueprint blueprint;
    private Broadcast<NetworkBlueprint> blueprintBroadcast;
    private long rounds;
    private long stateBytes;
    private ShardReads reads;
    private String readRun;
    private Broadcast<List<ShardedBatchSource.Shard>> shardBroadcast;
    private long shardBytes;
    private long dataBytes;
    private final AtomicInteger executorsLost = new AtomicInteger();
    private final AtomicInteger failedTasks = new AtomicInteger();

    ParameterAveraging(JavaSparkContext spark, SparkMaster master, int workers, int averagingFrequency) {
        this(spark, master, workers, averagingFrequency, true);
    }

    /** @param workersRead let the workers read their own ranges of a {@link ShardedBatchSource} (else the driver sends minibatches) */
    ParameterAveraging(JavaSparkContext spark, SparkMaster master, int workers, int averagingFrequency, boolean workersRead) {
        this.workersRead = workersRead;
        this.spark = spark;
        this.master = master;
        this.workers = workers;
        this.averagingFrequency = averagingFrequency;
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                executorsLost.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo() != null && end.taskInfo().failed()) {
                    failedTasks.incrementAndGet(); // Spark runs it again, on another executor if its own was lost
                }
            }
        });
    }

    @Override
    public int minibatchesPerRound() {
        return workers * averagingFrequency;
    }

    /**
     * For a {@link ShardedBatchSource} (a file every worker can read): one range per worker, each
     * read by the executors themselves (checked now: an unreadable range is a one-line user error);
     * the trainer then gets {@link RemoteMinibatch}es. Any other source is fitted from the
     * minibatches the driver builds and sends.
     */
    @Override
    public BatchSource batches(BatchSource trainingData) {
        if (!workersRead || !(trainingData instanceof ShardedBatchSource sharded)) {
            return trainingData;
        }
        forgetShards();
        List<ShardedBatchSource.Shard> shards = new ArrayList<>(sharded.shards(workers));
        String run = UUID.randomUUID().toString();
        readRun = run;
        Broadcast<List<ShardedBatchSource.Shard>> ranges = spark.broadcast(shards);
        shardBroadcast = ranges;
        shardBytes = ShardReads.serialisedBytes(shards);
        List<String> problems;
        try {
            problems = spark.parallelize(IntStream.range(0, shards.size()).boxed().toList(), shards.size())
                    .map(part -> ShardReads.open(run, part, ranges.value())).collect();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Spark job that opens the workers' data ranges failed: " + rootMessage(e), e);
        }
        List<String> unreadable = problems.stream().filter(p -> !p.isEmpty()).toList();
        if (!unreadable.isEmpty()) {
            throw new UserInputException(unreadable.get(0) + (unreadable.size() == 1 ? ""
                    : " (and " + (unreadable.size() - 1) + " more of the " + shards.size() + " ranges)"));
        }
        reads = new ShardReads(run, shards, averagingFrequency);
        return reads;
    }

    @Override
    public Round fit(TrainableNetwork network, List<MultiDataSet> minibatches) {
        if (minibatches.isEmpty()) {
            return new Round(0, 0, 0);
        }
        Model model = network.model();
        if (model != lastModel) {
            forgetNetwork();
            lastModel = model;
            blueprint = NetworkBlueprint.of(model);
            blueprintBroadcast = spark.broadcast(blueprint);
        }
        NetworkState start = NetworkState.of(model);
        stateBytes = start.bytes();
        Broadcast<NetworkState> state = spark.broadcast(start);
        Broadcast<NetworkBlueprint> plan = blueprintBroadcast;
        WorkerResult result;
        try {
            if (minibatches.get(0) instanceof RemoteMinibatch) { // the workers read their own minibatches
                List<ShardReads.Task> tasks = reads.tasks(minibatches);
                dataBytes += ShardReads.serialisedBytes(new ArrayList<>(tasks));
                Broadcast<List<ShardedBatchSource.Shard>> ranges = shardBroadcast;
                result = spark.parallelize(tasks, tasks.size())
                        .map(task -> WorkerResult.fit(ShardReads.read(task, ranges.value()), plan.value(), state.value()))
                        .treeReduce(WorkerResult::merge, 2);
            } else {
                List<Shard> shards = Shard.split(minibatches, workers);
                dataBytes += shards.stream().mapToLong(Shard::bytes).sum();
                result = spark.parallelize(shards, shards.size())
                        .map(shard -> WorkerResult.fit(shard.read(), plan.value(), state.value()))
                        .treeReduce(WorkerResult::merge, 2);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Spark job of averaging round " + (rounds + 1) + " failed: " + rootMessage(e), e);
        } finally {
            state.destroy();
        }
        result.state().applyTo(model);
        rounds++;
        return new Round(result.lossSum(), result.minibatches(), result.mostMinibatches());
    }

    @Override
    public Map<String, Object> description() {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("master", master.url());
        cluster.put("workers", workers);
        cluster.put("averaging_frequency", averagingFrequency);
        cluster.put("rounds", rounds);
        cluster.put("bytes_per_round", stateBytes * workers * 2);
        cluster.put("data", reads != null ? "read by the workers" : "sent by the driver");
        cluster.put("data_bytes_per_round", rounds == 0 ? 0 : dataBytes / rounds);
        if (reads != null) {
            cluster.put("data_ranges_bytes", shardBytes);
        }
        cluster.put("executors_lost", executorsLost.get());
        cluster.put("failed_tasks", failedTasks.get());
        cluster.put("spark_version", spark.version());
        return cluster;
    }

    @Override
    public void close() {
        forgetNetwork();
        forgetShards();
        spark.stop();
    }

    private void forgetShards() {
        if (shardBroadcast != null) {
            ShardReads.forget(readRun); // the ranges of local[N] workers are held in this JVM
            shardBroadcast.destroy();
            shardBroadcast = null;
        }
        reads = null;
    }

    private void forgetNetwork() {
        if (blueprint != null) {
            blueprint.forget(); // the pooled networks of local[N] workers live in this JVM
            blueprintBroadcast.destroy();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.lines().findFirst().orElse(text);
    }
}
