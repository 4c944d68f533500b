package io.rnnsuite.charlm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.common.CellType;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Stepwise rnnTimeStep must agree with a full output() pass (DL4J once got this wrong for SimpleRnn, #5570). */
class StepwiseInferenceTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void rnnTimeStepMatchesFullOutputAtEveryPrefix(CellType cell) {
        int vocabulary = 11;
        MultiLayerNetwork net = CharLmNetworks.create(TinyCorpus.config(cell, 2), vocabulary, TinyCorpus.training(1, 1));
        Random random = new Random(3);
        int[] prefix = new int[30];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = random.nextInt(vocabulary);
        }
        INDArray full = net.output(OneHot.sequence(prefix, vocabulary));
        net.rnnClearPreviousState();
        for (int t = 0; t < prefix.length; t++) {
            INDArray step = net.rnnTimeStep(OneHot.sequence(new int[] {prefix[t]}, vocabulary));
            double[] stepwise = CharSampler.lastStep(step);
            double[] expected = full.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t)).toDoubleVector();
            assertArrayEquals(expected, stepwise, 1e-5, cell + " step " + t);
            assertEquals(1.0, java.util.Arrays.stream(stepwise).sum(), 1e-5);
        }
        net.rnnClearPreviousState();
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void parallelStreamScoringEqualsOneLongPass(CellType cell) {
        int vocabulary = 7;
        MultiLayerNetwork net = CharLmNetworks.create(TinyCorpus.config(cell, 1), vocabulary, TinyCorpus.training(1, 1));
        Random random = new Random(5);
        int[] text = new int[40];
        for (int i = 0; i < text.length; i++) {
            text[i] = random.nextInt(vocabulary);
        }
        double scored = new RnnCharModel(net, vocabulary, "x").totalNats(text);
        // Reference: each stream of ceil(39/32) = 2 predictions restarts from a cleared state.
        double expected = 0;
        for (int start = 0; start < text.length - 1; start += 2) {
            int end = Math.min(start + 2, text.length - 1);
            int[] inputs = java.util.Arrays.copyOfRange(text, start, end);
            INDArray out = net.output(OneHot.sequence(inputs, vocabulary));
            for (int t = 0; t < inputs.length; t++) {
                expected -= Math.log(out.getDouble(0, text[start + t + 1], t));
            }
        }
        assertEquals(expected, scored, 1e-4);
    }
}
