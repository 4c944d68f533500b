package io.rnnsuite.common.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.cli.ClusterOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The trainer hands minibatches to its fit strategy in rounds and keeps its own bookkeeping. */
class FitStrategyTest {

    /** Fits nothing; records the round sizes and reports a loss of 1 per minibatch, 2 updates per round. */
    private static final class Recording implements FitStrategy {
        final List<Integer> rounds = new ArrayList<>();

        @Override
        public int minibatchesPerRound() {
            return 3;
        }

        @Override
        public Round fit(TrainableNetwork network, List<org.nd4j.linalg.dataset.api.MultiDataSet> minibatches) {
            rounds.add(minibatches.size());
            return new Round(minibatches.size(), minibatches.size(), 2);
        }

        @Override
        public Map<String, Object> description() {
            return Map.of("master", "test", "workers", 3, "averaging_frequency", 1);
        }
    }

    /** A network small enough that building it costs nothing; the recording strategy never fits it. */
    private static MultiLayerNetwork tiny() {
        RecurrentSpec spec = new RecurrentSpec(CellType.SIMPLE_RNN, 2, 1, false, 0);
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(1, 0.01, 0).list();
        RecurrentLayerFactory.sequenceToVectorLayers(spec, 1, SequencePooling.LAST).forEach(list::layer);
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(2).nOut(1).build());
        list.setInputType(InputType.recurrent(1));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static List<MultiDataSet> examples(int count) {
        List<MultiDataSet> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(new MultiDataSet(Nd4j.ones(DataType.FLOAT, 1, 1, 2), Nd4j.ones(DataType.FLOAT, 1, 1)));
        }
        return all;
    }

    @Test
    void roundsOfTheStrategysSizeCoverEachEpochAndTheResultNamesTheCluster() {
        Recording recording = new Recording();
        TrainingConfig config = new TrainingConfig(2, 2, 0.01, 5, 0, 1L, 0, 0); // 7 minibatches an epoch
        TrainingResult result = new Trainer(config, ProgressReporter.SILENT, recording)
                .train(TrainableNetwork.of(tiny()), BatchSource.shuffled(examples(13), 2),
                        n -> 1.0, null, false);
        assertEquals(List.of(3, 3, 1, 3, 3, 1), recording.rounds);
        assertEquals(12, result.updates(), "the strategy's updates: 2 a round");
        assertEquals(26, result.sequencesSeen());
        assertEquals(1.0, result.history().get(0).trainLoss(), 1e-12);
        assertEquals("test", result.cluster().get("master"));
    }

    @Test
    void maxBatchesCapsTheLastRound() {
        Recording recording = new Recording();
        TrainingConfig config = new TrainingConfig(1, 2, 0.01, 5, 0, 1L, 4, 0);
        new Trainer(config, ProgressReporter.SILENT, recording)
                .train(TrainableNetwork.of(tiny()), BatchSource.shuffled(examples(13), 2),
                        n -> 1.0, null, false);
        assertEquals(List.of(3, 1), recording.rounds);
    }

    @Test
    void aScopeInstallsTheStrategyForTrainersOfThisThreadOnly() {
        Recording recording = new Recording();
        assertSame(FitStrategy.LOCAL, FitScope.current());
        try (FitScope scope = FitScope.install(recording)) {
            assertSame(recording, FitScope.current());
        }
        assertSame(FitStrategy.LOCAL, FitScope.current());
        assertNull(FitStrategy.LOCAL.description());
    }

    @Test
    void clusterFlagsWithoutSparkAreRefused() {
        ClusterOptions options = new ClusterOptions();
        options.workers = 2;
        assertEquals("--workers needs --spark MASTER (local[N] or spark://host:port)",
                assertThrows(UserInputException.class, () -> options.open("test")).getMessage());
        ClusterOptions none = new ClusterOptions();
        try (ClusterOptions.Scope scope = none.open("test")) {
            assertSame(FitStrategy.LOCAL, FitScope.current());
        }
    }
}
