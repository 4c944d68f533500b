package io.rnnsuite.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The loss function as DL4J calls it: 2-d interleaved frames, a mask, score then gradient of one batch. */
class CtcLossTest {

    private static final int CLASSES = 4;
    private static final int FRAMES = 6;
    private static final int[][] TARGETS = {{1, 2}, {3}, {2, 2}};
    private static final int[] LENGTHS = {6, 4, 5};

    /** Labels and mask as the output layer hands them over: {@code [batch * frames, ...]}, row b + batch·t. */
    private static INDArray[] batch() {
        int batch = TARGETS.length;
        INDArray labels3d = Nd4j.zeros(DataType.DOUBLE, batch, CLASSES, FRAMES);
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, batch, FRAMES);
        for (int b = 0; b < batch; b++) {
            float[][] l = CtcLoss.encodeLabels(TARGETS[b], CLASSES, LENGTHS[b]);
            for (int k = 0; k < CLASSES; k++) {
                for (int t = 0; t < LENGTHS[b]; t++) {
                    labels3d.putScalar(new long[] {b, k, t}, l[k][t]);
                }
            }
            for (int t = 0; t < LENGTHS[b]; t++) {
                mask.putScalar(b, t, 1);
            }
        }
        return new INDArray[] {TimeSeriesUtils.reshape3dTo2d(labels3d), TimeSeriesUtils.reshapeTimeSeriesMaskToVector(mask)};
    }

    @Test
    void theGradientMatchesFiniteDifferencesOfTheScoreAndNothingStaleIsReused() {
        INDArray[] lm = batch();
        INDArray labels = lm[0];
        INDArray mask = lm[1];
        Random random = new Random(5);
        INDArray logits = Nd4j.zeros(DataType.DOUBLE, labels.rows(), CLASSES);
        for (int r = 0; r < logits.rows(); r++) {
            for (int k = 0; k < CLASSES; k++) {
                logits.putScalar(r, k, random.nextGaussian());
            }
        }
        CtcLoss loss = new CtcLoss();
        ActivationSoftmax softmax = new ActivationSoftmax();
        double score = loss.computeScore(labels, logits, softmax, mask, false);
        INDArray gradient = loss.computeGradient(labels, logits.dup(), softmax, mask); // the layer's fresh copy
        INDArray fresh = new CtcLoss().computeGradient(labels, logits, softmax, mask);
        assertArrayEquals(fresh.reshape(fresh.length()).toDoubleVector(), gradient.reshape(gradient.length()).toDoubleVector(), 1e-12, "the same as a loss that computed nothing before");
        double h = 1e-6;
        for (int r = 0; r < logits.rows(); r++) {
            for (int k = 0; k < CLASSES; k++) {
                INDArray plus = logits.dup();
                plus.putScalar(r, k, logits.getDouble(r, k) + h);
                INDArray minus = logits.dup();
                minus.putScalar(r, k, logits.getDouble(r, k) - h);
                double numeric = (loss.computeScore(labels, plus, softmax, mask, false)
                        - loss.computeScore(labels, minus, softmax, mask, false)) / (2 * h);
                assertEquals(numeric, gradient.getDouble(r, k), 1e-5, "row " + r + " class " + k);
            }
        }
        double masked = 0;
        for (int r = 0; r < logits.rows(); r++) {
            masked += mask.getDouble(r) == 0 ? Math.abs(gradient.getRow(r).sumNumber().doubleValue()) : 0;
        }
        assertEquals(0, masked, 0, "padded frames get no gradient");
        INDArray other = logits.mul(2);
        assertNotEquals(score, loss.computeScore(labels, other, softmax, mask, false), "new logits, a new score");
        assertEquals(score, loss.computeScore(labels, logits, softmax, mask, false), 1e-12);
    }
}
