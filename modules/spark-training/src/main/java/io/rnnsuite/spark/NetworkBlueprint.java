package io.rnnsuite.spark;

import io.rnnsuite.common.train.TrainableNetwork;
import java.io.Serializable;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * How a worker builds the network it fits: the DL4J configuration as JSON (broadcast once per
 * training run). Built networks are kept per run and reused by the next task on the same
 * executor, one per concurrently running task.
 *
 * @param id    this training run's key for the executors' network pool
 * @param graph true for a {@link ComputationGraph}, false for a {@link MultiLayerNetwork}
 * @param json  the configuration
 */
record NetworkBlueprint(String id, boolean graph, String json) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Queue<TrainableNetwork>> POOL = new ConcurrentHashMap<>();

    static NetworkBlueprint of(Model model) {
        String id = UUID.randomUUID().toString();
        if (model instanceof MultiLayerNetwork net) {
            return new NetworkBlueprint(id, false, net.getLayerWiseConfigurations().toJson());
        }
        if (model instanceof ComputationGraph graph) {
            return new NetworkBlueprint(id, true, graph.getConfiguration().toJson());
        }
        throw new io.rnnsuite.common.UserInputException("--spark: this app trains a " + model.getClass().getSimpleName()
                + ", which workers cannot rebuild (only MultiLayerNetwork and ComputationGraph can be averaged)");
    }

    /** A network for one task: a pooled one of this run, or a new one. Give it back with {@link #release}. */
    TrainableNetwork take() {
        TrainableNetwork pooled = POOL.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).poll();
        if (pooled != null) {
            return pooled;
        }
        if (graph) {
            ComputationGraph network = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
            network.init();
            return TrainableNetwork.of(network);
        }
        MultiLayerNetwork network = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
        network.init();
        return TrainableNetwork.of(network);
    }

    void release(TrainableNetwork network) {
        POOL.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).add(network);
    }

    /** Drops this run's pooled networks (in this JVM). */
    void forget() {
        POOL.remove(id);
    }
}
