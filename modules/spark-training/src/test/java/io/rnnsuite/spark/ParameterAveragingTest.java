package io.rnnsuite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.FitStrategy;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Synchronous parameter averaging in {@code local[2]}: one worker that averages after every
 * minibatch is single-machine training, parameter for parameter; two workers still learn.
 */
class ParameterAveragingTest {

    private static final int FEATURES = 3;
    private static final int STEPS = 6;
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("parameter averaging test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static ParameterAveraging averaging(int workers, int frequency) {
        return new ParameterAveraging(spark, SparkMaster.parse("local[2]"), workers, frequency);
    }

    /** The task: predict at each step the running sign of the first feature's sum (learnable by a small LSTM). */
    private static List<MultiDataSet> examples(int count, long seed) {
        Random random = new Random(seed);
        List<MultiDataSet> all = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            INDArray x = Nd4j.zeros(DataType.FLOAT, 1, FEATURES, STEPS);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 1, 2, STEPS);
            double sum = 0;
            for (int t = 0; t < STEPS; t++) {
                for (int f = 0; f < FEATURES; f++) {
                    x.putScalar(new int[] {0, f, t}, random.nextGaussian());
                }
                sum += x.getDouble(0, 0, t);
                y.putScalar(new int[] {0, sum > 0 ? 1 : 0, t}, 1.0);
            }
            all.add(new MultiDataSet(x, y));
        }
        return all;
    }

    private static MultiLayerNetwork layered(long seed) {
        RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, 8, 1, false, 0.0);
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(seed, 0.02, 1.0).list();
        RecurrentLayerFactory.sequenceLayers(spec, FEATURES).forEach(list::layer);
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .nIn(spec.outputSize()).nOut(2).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static ComputationGraph graph(long seed) {
        ComputationGraphConfiguration conf = RecurrentLayerFactory.baseConfiguration(seed, 0.02, 1.0).graphBuilder()
                .addInputs("in")
                .addLayer("lstm", new LSTM.Builder().nIn(FEATURES).nOut(6).activation(Activation.TANH).build(), "in")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(6).nOut(2).build(), "lstm")
                .setOutputs("out").setInputTypes(InputType.recurrent(FEATURES)).build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static TrainingResult train(TrainableNetwork network, FitStrategy fitting, List<MultiDataSet> train,
                                        MultiDataSet validation, int epochs) {
        TrainingConfig config = new TrainingConfig(epochs, 4, 0.02, 50, 1.0, 7L, 0, 0);
        return new Trainer(config, ProgressReporter.SILENT, fitting).train(network, BatchSource.shuffled(train, 4),
                net -> net.loss(validation), null, false);
    }

    @Test
    void oneWorkerAveragingAfterEveryMinibatchGivesTheParametersOfTrainingInThisProcess() {
        List<MultiDataSet> train = examples(24, 1);
        MultiDataSet validation = MultiDataSet.merge(examples(8, 2));
        MultiLayerNetwork here = layered(11);
        MultiLayerNetwork there = layered(11);
        assertArrayEquals(here.params().toFloatVector(), there.params().toFloatVector(), "same initialisation");
        TrainingResult local = train(TrainableNetwork.of(here), FitStrategy.LOCAL, train, validation, 2);
        ParameterAveraging averaging = averaging(1, 1);
        TrainingResult spread = train(TrainableNetwork.of(there), averaging, train, validation, 2);

        assertEquals(12, local.updates());
        assertEquals(local.updates(), spread.updates());
        assertEquals(12L, averaging.description().get("rounds"), "one round per minibatch");
        assertEquals(here.getIterationCount(), there.getIterationCount());
        float[] a = here.params().toFloatVector();
        float[] b = there.params().toFloatVector();
        assertArrayEquals(a, b, 1e-6f, "parameters after 12 updates of 2 epochs");
        assertArrayEquals(here.getUpdater().getStateViewArray().toFloatVector(),
                there.getUpdater().getStateViewArray().toFloatVector(), 1e-6f, "Adam's moments");
        for (int e = 0; e < 2; e++) {
            assertEquals(local.history().get(e).trainLoss(), spread.history().get(e).trainLoss(), 1e-6);
            assertEquals(local.history().get(e).validationLoss(), spread.history().get(e).validationLoss(), 1e-6);
        }
        assertTrue(maxDifference(layered(11).params().toFloatVector(), a) > 1e-3, "training moved the parameters");
    }

    @Test
    void aComputationGraphAveragesToTheSameParametersToo() {
        List<MultiDataSet> train = examples(16, 3);
        MultiDataSet validation = MultiDataSet.merge(examples(8, 4));
        ComputationGraph here = graph(5);
        ComputationGraph there = graph(5);
        train(TrainableNetwork.of(here), FitStrategy.LOCAL, train, validation, 1);
        train(TrainableNetwork.of(there), averaging(1, 1), train, validation, 1);
        assertArrayEquals(here.params().toFloatVector(), there.params().toFloatVector(), 1e-6f);
    }

    @Test
    void twoWorkersAveragingEveryTwoMinibatchesLearnTheTask() {
        List<MultiDataSet> train = examples(64, 5);
        MultiDataSet validation = MultiDataSet.merge(examples(32, 6));
        MultiLayerNetwork net = layered(13);
        double before = net.score(new org.nd4j.linalg.dataset.DataSet(validation.getFeatures(0), validation.getLabels(0)));
        ParameterAveraging averaging = averaging(2, 2);
        TrainingResult result = train(TrainableNetwork.of(net), averaging, train, validation, 6);

        assertEquals(6, result.history().size());
        assertEquals(48L, result.updates(), "16 minibatches an epoch, 4 a round, 2 sequential updates a round, 6 epochs");
        assertEquals(24L, averaging.description().get("rounds"));
        long bytes = 4L * (net.numParams() + net.getUpdater().getStateViewArray().length()) * 2 * 2;
        assertEquals(bytes, averaging.description().get("bytes_per_round"));
        assertTrue(result.bestValidationLoss() < 0.6 * before,
                "validation loss " + result.bestValidationLoss() + " against " + before + " untrained");
        assertTrue(result.history().get(5).trainLoss() < result.history().get(0).trainLoss(), "training loss falls");
    }

    @Test
    void roundsAreSplitIntoContiguousNearlyEqualShardsWithNoneEmpty() {
        List<MultiDataSet> five = examples(5, 7);
        List<Shard> shards = Shard.split(five, 2);
        assertEquals(List.of(3, 2), shards.stream().map(s -> s.minibatches().size()).toList());
        assertEquals(1, Shard.split(five.subList(0, 1), 4).size());
        assertEquals(five.get(3).getFeatures(0), shards.get(1).read().get(0).getFeatures(0));
        assertEquals(five.get(3).getLabels(0), shards.get(1).read().get(0).getLabels(0));
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
