package io.rnnsuite.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class AddingProblemTest {

    private final AddingProblem task = new AddingProblem();

    @Test
    void exactlyTwoMarkersOneInEachHalfAndTargetIsTheirSum() {
        int length = 17;
        MultiDataSet batch = task.batch(200, length, new Random(1));
        INDArray x = batch.getFeatures(0);
        INDArray y = batch.getLabels(0);
        assertArrayEquals(new long[] {200, 2, length}, x.shape());
        assertArrayEquals(new long[] {200, 1}, y.shape());
        for (int n = 0; n < 200; n++) {
            double sum = 0;
            int markers = 0;
            int firstHalf = 0;
            for (int t = 0; t < length; t++) {
                double value = x.getDouble(n, AddingProblem.VALUE_CHANNEL, t);
                double marker = x.getDouble(n, AddingProblem.MARKER_CHANNEL, t);
                assertTrue(value >= 0 && value < 1, "value in [0, 1)");
                assertTrue(marker == 0 || marker == 1, "marker is 0 or 1");
                if (marker == 1) {
                    markers++;
                    sum += value;
                    firstHalf += t < length / 2 ? 1 : 0;
                }
            }
            assertEquals(2, markers, "markers in sequence " + n);
            assertEquals(1, firstHalf, "one marker in the first half");
            assertEquals(sum, y.getDouble(n, 0), 1e-6);
        }
    }

    @Test
    void predictingTheMeanScoresOneSixth() {
        MultiDataSet batch = task.batch(200_000, 4, new Random(7));
        INDArray targets = batch.getLabels(0);
        double mean = targets.meanNumber().doubleValue();
        double mse = task.measuredBaseline(batch);
        assertEquals(1.0, mean, 0.005);
        assertEquals(1.0 / 6.0, mse, 0.003);
        assertEquals(1.0 / 6.0, task.baselineLoss(100), 1e-12);
    }

    @Test
    void sameSeedSameData() {
        assertEquals(task.batch(8, 10, new Random(3)).getFeatures(0), task.batch(8, 10, new Random(3)).getFeatures(0));
    }
}
