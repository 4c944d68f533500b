package io.rnnsuite.common.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.MultiDataSet;

/** The shared training loop on a tiny task: output the sum of a sequence. */
class TrainerTest {

    private static MultiLayerNetwork network(long seed, double learningRate) {
        return SumTask.network(seed, learningRate, 8);
    }

    private static List<MultiDataSet> sums(int count, long seed) {
        return SumTask.sums(count, 6, seed);
    }

    private static double loss(TrainableNetwork net, List<MultiDataSet> data) {
        return net.loss(MultiDataSet.merge(data));
    }

    private final List<MultiDataSet> train = sums(96, 1);
    private final List<MultiDataSet> validation = sums(32, 2);

    private TrainingResult run(MultiLayerNetwork net, TrainingConfig config, Path dir, boolean resume) {
        TrainableNetwork trainable = TrainableNetwork.of(net);
        return new Trainer(config, ProgressReporter.SILENT)
                .train(trainable, BatchSource.shuffled(train, config.batchSize()), n -> loss(n, validation), dir, resume);
    }

    @Test
    void learnsAndKeepsTheBestEpoch() {
        MultiLayerNetwork net = network(7, 0.01);
        double before = loss(TrainableNetwork.of(net), validation);
        TrainingResult result = run(net, new TrainingConfig(12, 16, 0.01, 50, 1.0, 7, 0, 0), null, false);
        double after = loss(TrainableNetwork.of(net), validation);
        assertEquals(12, result.history().size());
        assertEquals(StopReason.MAX_EPOCHS, result.stopReason());
        assertTrue(after < before / 2, "validation loss " + before + " -> " + after);
        assertEquals(result.bestValidationLoss(), after, 1e-5, "network holds the best epoch's parameters");
        assertEquals(96L * 12, result.sequencesSeen());
    }

    @Test
    void releasesEachFittedMinibatchOnceAndShuffledMinibatchesFreeOnlyWhatTheyMerged() {
        BatchSource shuffled = BatchSource.shuffled(train, 16);
        java.util.List<org.nd4j.linalg.dataset.api.MultiDataSet> released = new java.util.ArrayList<>();
        BatchSource counting = new BatchSource() {
            @Override
            public java.util.Iterator<org.nd4j.linalg.dataset.api.MultiDataSet> epoch(java.util.Random random) {
                return shuffled.epoch(random);
            }

            @Override
            public int batchesPerEpoch() {
                return shuffled.batchesPerEpoch();
            }

            @Override
            public void release(org.nd4j.linalg.dataset.api.MultiDataSet batch) {
                released.add(batch);
                shuffled.release(batch);
            }
        };
        new Trainer(new TrainingConfig(2, 16, 0.01, 50, 1.0, 7, 0, 0), ProgressReporter.SILENT)
                .train(TrainableNetwork.of(network(7, 0.01)), counting, n -> 1.0, null, false);
        assertEquals(2 * 6, released.size(), "96 examples in minibatches of 16, two epochs");
        assertEquals(released.size(), released.stream().map(System::identityHashCode).distinct().count(), "each once");
        for (org.nd4j.linalg.dataset.api.MultiDataSet batch : released) {
            assertTrue(batch.getFeatures(0).wasClosed() && batch.getLabels(0).wasClosed(), "a merged minibatch is freed");
        }
        assertFalse(train.get(0).getFeatures(0).wasClosed(), "the examples it was merged from are not");

        // a minibatch of one example is that example itself, which must survive its release
        BatchSource single = BatchSource.shuffled(train.subList(0, 1), 16);
        org.nd4j.linalg.dataset.api.MultiDataSet only = single.epoch(new java.util.Random(1)).next();
        single.release(only);
        assertFalse(only.getFeatures(0).wasClosed());
        assertEquals(6, only.getFeatures(0).size(2));
    }

    @Test
    void sameSeedSameParameters() {
        MultiLayerNetwork a = network(3, 0.01);
        MultiLayerNetwork b = network(3, 0.01);
        TrainingConfig config = new TrainingConfig(3, 16, 0.01, 50, 1.0, 3, 0, 0);
        run(a, config, null, false);
        run(b, config, null, false);
        assertEquals(a.params(), b.params());
        MultiLayerNetwork c = network(3, 0.01);
        run(c, config.withSeed(4), null, false);
        assertNotEquals(a.params(), c.params(), "another shuffling seed changes the result");
    }

    @Test
    void stopsEarlyWhenValidationStopsImproving() {
        MultiLayerNetwork net = network(5, 0.01);
        TrainableNetwork trainable = TrainableNetwork.of(net);
        int[] calls = {0};
        // validation gets worse after the second epoch
        TrainingResult result = new Trainer(new TrainingConfig(50, 16, 0.01, 3, 1.0, 5, 0, 0), ProgressReporter.SILENT)
                .train(trainable, BatchSource.shuffled(train, 16), n -> ++calls[0] <= 2 ? 1.0 / calls[0] : calls[0], null, false);
        assertEquals(StopReason.EARLY_STOPPING, result.stopReason());
        assertEquals(2, result.bestEpoch());
        assertEquals(5, result.history().size());
    }

    @Test
    void stopsAtTheFirstValidationThatReachesTheTarget() {
        MultiLayerNetwork net = network(5, 0.01);
        int[] calls = {0};
        // validation losses 1, 1/2, 1/3, ...: the target (below 0.3) is first met at the fourth epoch
        TrainingResult result = new Trainer(new TrainingConfig(50, 16, 0.01, 50, 1.0, 5, 0, 0), ProgressReporter.SILENT)
                .until(loss -> loss < 0.3)
                .train(TrainableNetwork.of(net), BatchSource.shuffled(train, 16), n -> 1.0 / ++calls[0], null, false);
        assertEquals(StopReason.TARGET_REACHED, result.stopReason());
        assertEquals(4, result.history().size());
        assertEquals(4, result.bestEpoch());
    }

    @Test
    void divergenceStopsAndKeepsTheBestModel(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = network(9, 0.01);
        TrainableNetwork trainable = TrainableNetwork.of(net);
        int[] epoch = {0};
        TrainingResult result = new Trainer(new TrainingConfig(10, 16, 0.01, 10, 1.0, 9, 0, 0), ProgressReporter.SILENT)
                .train(trainable, BatchSource.shuffled(train, 16), n -> ++epoch[0] == 3 ? Double.NaN : 1.0 / epoch[0], dir, false);
        assertEquals(StopReason.DIVERGED, result.stopReason());
        assertEquals(2, result.bestEpoch());
        assertTrue(result.message().startsWith("training diverged: loss became NaN at epoch 3"), result.message());
        assertTrue(result.message().contains("best model from epoch 2 kept"), result.message());
        assertTrue(Files.isRegularFile(dir.resolve("model.zip")));
        assertFalse(net.params().isNaN().any(), "parameters are the finite best ones");
    }

    @Test
    void resumeContinuesWhereTheCheckpointStopped(@TempDir Path dir) {
        TrainingConfig full = new TrainingConfig(6, 16, 0.01, 50, 1.0, 11, 0, 0);
        MultiLayerNetwork uninterrupted = network(11, 0.01);
        run(uninterrupted, full, null, false);

        // "killed" after 3 epochs: the checkpoint of epoch 3 is all that survives
        MultiLayerNetwork first = network(11, 0.01);
        run(first, full.withMaxEpochs(3), dir, false);
        assertTrue(Trainer.hasCheckpoint(dir));
        MultiLayerNetwork resumed = network(11, 0.01);
        TrainingResult result = run(resumed, full, dir, true);

        assertEquals(6, result.history().size());
        assertEquals(4, result.history().get(3).epoch());
        double expected = loss(TrainableNetwork.of(uninterrupted), validation);
        double actual = loss(TrainableNetwork.of(resumed), validation);
        assertEquals(expected, actual, 1e-4, "resumed training ends where uninterrupted training ends");
    }

    @Test
    void anEpochLongerThanTheBudgetIsCutShortAndStillValidated() {
        MultiLayerNetwork net = network(15, 0.01);
        List<MultiDataSet> many = sums(4000, 3);
        TrainingConfig config = new TrainingConfig(5, 1, 0.01, 10, 1.0, 15, 0, 0.3);
        TrainingResult result = new Trainer(config, ProgressReporter.SILENT).train(TrainableNetwork.of(net),
                BatchSource.shuffled(many, 1), n -> loss(n, validation), null, false);
        assertEquals(StopReason.TIME_BUDGET, result.stopReason());
        assertEquals(1, result.history().size());
        assertTrue(result.sequencesSeen() < 4000, "stopped inside the epoch: " + result.sequencesSeen());
        assertTrue(Double.isFinite(result.history().get(0).validationLoss()));
    }

    @Test
    void budgetStopsBeforeAnEpochThatWouldNotFit() {
        MultiLayerNetwork net = network(13, 0.01);
        TrainingConfig config = new TrainingConfig(10_000, 16, 0.01, 10_000, 1.0, 13, 0, 0.5);
        TrainingResult result = run(net, config, null, false);
        assertEquals(StopReason.TIME_BUDGET, result.stopReason());
        assertTrue(result.history().size() < 10_000);
        assertTrue(result.trainingSeconds() < 5, "stopped near the budget: " + result.trainingSeconds());
    }

    @Test
    void countsGradientNormsAndTheUpdatesClippingChanged() {
        TrainingResult tight = run(network(7, 0.01), new TrainingConfig(2, 16, 0.01, 50, 1e-6, 7, 0, 0), null, false);
        assertEquals(12, tight.updates());
        assertEquals(tight.updates(), tight.gradientSteps(), "one gradient per update without truncated BPTT");
        assertEquals(tight.updates(), tight.clippedUpdates(), "a threshold of 1e-6 clips every update");
        assertEquals(1.0, tight.clippedShare(), 1e-12);
        assertTrue(tight.maxGradientNorm() > 1e-6 && Double.isFinite(tight.maxGradientNorm()), "" + tight.maxGradientNorm());
        TrainingResult loose = run(network(7, 0.01), new TrainingConfig(2, 16, 0.01, 50, 1e6, 7, 0, 0), null, false);
        assertEquals(0, loose.clippedUpdates());
        assertEquals(12, loose.history().get(1).updates(), "updates count across epochs");
    }
}
