package io.rnnsuite.common.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * What the {@link Trainer} needs from a network, so one loop serves {@link MultiLayerNetwork}
 * apps (forecasting, classification, language models) and {@link ComputationGraph} apps
 * (encoder–decoder) alike. Batches are {@link MultiDataSet}s; a single-input network takes the
 * first features / labels / masks.
 */
public interface TrainableNetwork {

    /** One optimisation step on the batch. */
    void fit(MultiDataSet batch);

    /** Loss of the last {@link #fit} batch (as the network reports it). */
    double lastLoss();

    /** Loss on a batch without training (dropout off); used for validation. */
    double loss(MultiDataSet batch);

    /** All parameters as one flat view. */
    INDArray params();

    /** Replaces all parameters (same layout as {@link #params()}). */
    void setParams(INDArray params);

    /** Writes the network with or without the optimiser state. Callers make this atomic. */
    void save(Path file, boolean withUpdater) throws IOException;

    /** Replaces parameters and optimiser state with those stored at {@code file}. */
    void restore(Path file) throws IOException;

    /** The DL4J model for app-specific inference. */
    Model model();

    /** The training listeners attached now (a copy; empty if none). */
    Collection<TrainingListener> listeners();

    /** Replaces the training listeners. */
    void setListeners(Collection<TrainingListener> listeners);

    default long parameterCount() {
        return params().length();
    }

    static TrainableNetwork of(MultiLayerNetwork net) {
        return new MultiLayerAdapter(net);
    }

    static TrainableNetwork of(ComputationGraph graph) {
        return new GraphAdapter(graph);
    }

    /** Adapter for {@link MultiLayerNetwork}. */
    final class MultiLayerAdapter implements TrainableNetwork {
        private final MultiLayerNetwork net;

        MultiLayerAdapter(MultiLayerNetwork net) {
            this.net = net;
        }

        @Override
        public void fit(MultiDataSet batch) {
            net.fit(toDataSet(batch));
        }

        @Override
        public double lastLoss() {
            return net.score();
        }

        @Override
        public double loss(MultiDataSet batch) {
            return net.score(toDataSet(batch), false);
        }

        @Override
        public INDArray params() {
            return net.params();
        }

        @Override
        public void setParams(INDArray params) {
            net.setParams(params);
        }

        @Override
        public void save(Path file, boolean withUpdater) throws IOException {
            ModelSerializer.writeModel(net, file.toFile(), withUpdater);
        }

        @Override
        public void restore(Path file) throws IOException {
            MultiLayerNetwork stored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
            net.setParams(stored.params());
            if (stored.getUpdater() != null && stored.getUpdater().getStateViewArray() != null) {
                net.getUpdater().getStateViewArray().assign(stored.getUpdater().getStateViewArray());
            }
            net.setEpochCount(stored.getEpochCount());
            net.setIterationCount(stored.getIterationCount());
        }

        @Override
        public Model model() {
            return net;
        }

        @Override
        public Collection<TrainingListener> listeners() {
            return net.getListeners() == null ? new ArrayList<>() : new ArrayList<>(net.getListeners());
        }

        @Override
        public void setListeners(Collection<TrainingListener> listeners) {
            net.setListeners(listeners);
        }

        private static DataSet toDataSet(MultiDataSet batch) {
            return new DataSet(batch.getFeatures(0), batch.getLabels(0),
                    batch.getFeaturesMaskArrays() == null ? null : batch.getFeaturesMaskArray(0),
                    batch.getLabelsMaskArrays() == null ? null : batch.getLabelsMaskArray(0));
        }
    }

    /** Adapter for {@link ComputationGraph}. */
    final class GraphAdapter implements TrainableNetwork {
        private final ComputationGraph graph;

        GraphAdapter(ComputationGraph graph) {
            this.graph = graph;
        }

        @Override
        public void fit(MultiDataSet batch) {
            graph.fit(batch);
        }

        @Override
        public double lastLoss() {
            return graph.score();
        }

        @Override
        public double loss(MultiDataSet batch) {
            return graph.score(batch, false);
        }

        @Override
        public INDArray params() {
            return graph.params();
        }

        @Override
        public void setParams(INDArray params) {
            graph.setParams(params);
        }

        @Override
        public void save(Path file, boolean withUpdater) throws IOException {
            ModelSerializer.writeModel(graph, file.toFile(), withUpdater);
        }

        @Override
        public void restore(Path file) throws IOException {
            ComputationGraph stored = ModelSerializer.restoreComputationGraph(file.toFile(), true);
            graph.setParams(stored.params());
            if (stored.getUpdater() != null && stored.getUpdater().getStateViewArray() != null) {
                graph.getUpdater().getStateViewArray().assign(stored.getUpdater().getStateViewArray());
            }
            graph.getConfiguration().setEpochCount(stored.getConfiguration().getEpochCount());
            graph.getConfiguration().setIterationCount(stored.getConfiguration().getIterationCount());
        }

        @Override
        public Model model() {
            return graph;
        }

        @Override
        public Collection<TrainingListener> listeners() {
            return graph.getListeners() == null ? new ArrayList<>() : new ArrayList<>(graph.getListeners());
        }

        @Override
        public void setListeners(Collection<TrainingListener> listeners) {
            graph.setListeners(listeners);
        }
    }
}
