package io.rnnsuite.spark;

import io.rnnsuite.common.train.ClusterTraining;
import io.rnnsuite.common.train.TrainableNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * state.
 */
final class ParameterAveraging implements ClusterTraining.Session {

    private final JavaSparkContext spark;
    private final SparkMaster master;
    private final int workers;
    private final int averagingFrequency;
    private Model lastModel;
    private NetworkBlueprint blueprint;
    private Broadcast<NetworkBlueprint> blueprintBroadcast;
    private long rounds;
    private long stateBytes;
    private final AtomicInteger executorsLost = new AtomicInteger();
    private final AtomicInteger failedTasks = new AtomicInteger();

    ParameterAveraging(JavaSparkContext spark, SparkMaster master, int workers, int averagingFrequency) {
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
        List<Shard> shards = Shard.split(minibatches, workers);
        WorkerResult result;
        try {
            result = spark.parallelize(shards, shards.size())
                    .map(shard -> WorkerResult.fit(shard, plan.value(), state.value()))
                    .treeReduce(WorkerResult::merge, 2);
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
        cluster.put("executors_lost", executorsLost.get());
        cluster.put("failed_tasks", failedTasks.get());
        cluster.put("spark_version", spark.version());
        return cluster;
    }

    @Override
    public void close() {
        forgetNetwork();
        spark.stop();
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
