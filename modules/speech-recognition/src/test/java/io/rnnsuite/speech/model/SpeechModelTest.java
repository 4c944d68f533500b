package io.rnnsuite.speech.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.SyntheticSpeech;
import io.rnnsuite.speech.ctc.CtcMath;
import io.rnnsuite.speech.data.SpeechSource;
import io.rnnsuite.speech.data.Utterance;
import io.rnnsuite.speech.features.FeatureConfig;
import io.rnnsuite.speech.features.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Padded batches equal single utterances, the CTC layer's loss is the CTC maths', save → load is identical. */
class SpeechModelTest {

    private static final FeatureExtractor FEATURES = new FeatureExtractor(FeatureConfig.defaults());

    private static SpeechConfig config(RecurrentSpec spec, boolean ctc) {
        SpeechSource source = SpeechSource.generated(ctc ? SpeechSource.DIGIT_STRINGS : SpeechSource.SPOKEN_DIGITS);
        return new SpeechConfig(source, ctc, FeatureConfig.defaults(), 10, 1, 0, spec, new TrainingConfig(1, 4, 0.01, 1, 1, 7, 0, 0));
    }

    private static List<float[][]> words(int count) {
        Random random = new Random(3);
        List<float[][]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(FEATURES.features(SyntheticSpeech.word(300 + 400 * i, random))); // lengths differ
        }
        return out;
    }

    @Test
    void aPaddedBatchGivesEachUtteranceItsOwnPrediction() {
        List<float[][]> utterances = words(4);
        for (RecurrentSpec spec : List.of(new RecurrentSpec(CellType.LSTM, 8, 1, false, 0),
                new RecurrentSpec(CellType.GRU, 8, 2, true, 0), new RecurrentSpec(CellType.SIMPLE_RNN, 8, 1, true, 0))) {
            SpeechModel model = new SpeechModel(SpeechNetwork.build(config(spec, false), 39, 5), config(spec, false),
                    List.of("a", "b", "c", "d", "e"));
            double[][] together = model.probabilities(utterances);
            for (int i = 0; i < utterances.size(); i++) {
                double[] alone = model.probabilities(List.<float[][]>of(utterances.get(i)))[0];
                assertArrayEquals(alone, together[i], 1e-5, spec.label() + " utterance " + i);
            }
            SpeechConfig ctcConfig = config(spec, true);
            SpeechModel ctc = new SpeechModel(SpeechNetwork.build(ctcConfig, 39, 11), ctcConfig, List.of());
            List<double[][]> batch = ctc.framePosteriors(utterances);
            for (int i = 0; i < utterances.size(); i++) {
                double[][] alone = ctc.framePosteriors(List.<float[][]>of(utterances.get(i))).get(0);
                assertEquals(utterances.get(i).length, batch.get(i).length);
                for (int t = 0; t < alone.length; t++) {
                    assertArrayEquals(alone[t], batch.get(i)[t], 1e-5, spec.label() + " CTC utterance " + i + " frame " + t);
                }
            }
        }
    }

    /**
     * A bidirectional LSTM with every parameter non-zero, as after training (freshly built, its
     * zero biases keep the state at zero through zero padding, which would hide a backward
     * direction that reads the padding first): isolated words and CTC frames, fast and stock layers.
     */
    @ParameterizedTest
    @EnumSource(RecurrentImpl.class)
    void aPaddedBatchGivesEachUtteranceItsOwnOutputsFromATrainedBidirectionalLstm(RecurrentImpl impl) {
        List<float[][]> utterances = words(4);
        RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, 8, 1, true, 0, impl);
        SpeechModel words = new SpeechModel(asAfterTraining(SpeechNetwork.build(config(spec, false), 39, 5)),
                config(spec, false), List.of("a", "b", "c", "d", "e"));
        double[][] together = words.probabilities(utterances);
        for (int i = 0; i < utterances.size(); i++) {
            double[] alone = words.probabilities(List.<float[][]>of(utterances.get(i)))[0];
            assertArrayEquals(alone, together[i], 1e-5, impl + " utterance " + i);
        }
        SpeechConfig ctcConfig = config(spec, true);
        SpeechModel ctc = new SpeechModel(asAfterTraining(SpeechNetwork.build(ctcConfig, 39, 11)), ctcConfig, List.of());
        List<double[][]> batch = ctc.framePosteriors(utterances);
        for (int i = 0; i < utterances.size(); i++) {
            double[][] alone = ctc.framePosteriors(List.<float[][]>of(utterances.get(i))).get(0);
            for (int t = 0; t < alone.length; t++) {
                assertArrayEquals(alone[t], batch.get(i)[t], 1e-5, impl + " CTC utterance " + i + " frame " + t);
            }
        }
    }

    private static MultiLayerNetwork asAfterTraining(MultiLayerNetwork net) {
        Nd4j.getRandom().setSeed(23);
        net.setParams(Nd4j.randn(net.params().dataType(), 1, net.numParams()).muli(0.3));
        return net;
    }

    @Test
    void theCtcLayersBatchLossIsTheMeanOfEachSequencesCtcLoss() {
        SpeechConfig c = config(new RecurrentSpec(CellType.GRU, 8, 1, false, 0), true);
        MultiLayerNetwork net = SpeechNetwork.build(c, 39, 11);
        SpeechModel model = new SpeechModel(net, c, List.of());
        List<float[][]> utterances = words(3);
        int[][] targets = {{3}, {1, 1, 2}, {5, 4}};
        List<MultiDataSet> examples = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            Utterance u = new Utterance("u" + i, utterances.get(i), -1, targets[i], "", "", "clean");
            examples.add(Batches.example(u, true, 11));
            double[][] p = model.framePosteriors(List.<float[][]>of(u.features())).get(0);
            double[][] logits = new double[p.length][];
            for (int t = 0; t < p.length; t++) {
                logits[t] = java.util.Arrays.stream(p[t]).map(Math::log).toArray();
            }
            double expected = CtcMath.lossAndGradient(logits, targets[i]).loss();
            assertEquals(expected, net.score(toDataSet(examples.get(i)), false), 1e-3 * expected, "sequence " + i + " alone");
            sum += expected;
        }
        double batch = net.score(toDataSet(MultiDataSet.merge(examples)), false);
        assertEquals(sum / 3, batch, 1e-3 * sum, "mixing up frames of different sequences would change the loss");
    }

    private static DataSet toDataSet(MultiDataSet m) {
        return new DataSet(m.getFeatures(0), m.getLabels(0), m.getFeaturesMaskArrays() == null ? null : m.getFeaturesMaskArray(0),
                m.getLabelsMaskArrays() == null ? null : m.getLabelsMaskArray(0));
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs(@TempDir Path dir) throws IOException {
        for (boolean ctc : new boolean[] {false, true}) {
            SpeechConfig c = config(new RecurrentSpec(CellType.LSTM, 6, 1, true, 0), ctc);
            MultiLayerNetwork net = SpeechNetwork.build(c, 39, ctc ? 11 : 3);
            Path sub = dir.resolve("m" + ctc);
            ModelDirectory md = ModelDirectory.create(sub);
            ModelSerializer.writeModel(net, md.modelFile().toFile(), false);
            SpeechModel model = new SpeechModel(net, c, List.of("a", "b", "c"));
            model.saveSideFiles(md);
            SpeechModel loaded = SpeechModel.load(c, md);
            assertEquals(model.vocabulary(), loaded.vocabulary());
            INDArray x = Batches.features(words(1).get(0));
            assertEquals(net.output(x), loaded.network().output(x), "ctc " + ctc);
        }
    }
}
