package io.rnnsuite.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class CopyMemoryTaskTest {

    private final CopyMemoryTask task = new CopyMemoryTask();

    @Test
    void layoutIsSymbolsBlanksDelimiterBlanksThenRecall() {
        int delay = 5;
        int length = CopyMemoryTask.sequenceLength(delay);
        assertEquals(25, length);
        MultiDataSet batch = task.batch(30, delay, new Random(2));
        INDArray x = batch.getFeatures(0);
        INDArray y = batch.getLabels(0);
        assertArrayEquals(new long[] {30, CopyMemoryTask.INPUT_CHANNELS, length}, x.shape());
        assertArrayEquals(new long[] {30, CopyMemoryTask.OUTPUT_CLASSES, length}, y.shape());
        for (int n = 0; n < 30; n++) {
            for (int t = 0; t < length; t++) {
                int input = hot(x, n, t);
                int target = hot(y, n, t);
                if (t < 10) {
                    assertTrue(input < CopyMemoryTask.ALPHABET, "a symbol at step " + t);
                } else if (t == 10 + delay - 1) {
                    assertEquals(CopyMemoryTask.DELIMITER, input, "delimiter at step " + t);
                } else {
                    assertEquals(CopyMemoryTask.BLANK, input, "blank at step " + t);
                }
                if (t < length - 10) {
                    assertEquals(CopyMemoryTask.BLANK, target, "blank target at step " + t);
                } else {
                    assertEquals(hot(x, n, t - (length - 10)), target, "recall at step " + t);
                }
            }
        }
    }

    @Test
    void baselineIsTenLnEightOverTPlusTwentyAndMatchesTheLayoutAwareGuess() {
        int delay = 30;
        assertEquals(10 * Math.log(8) / 50, task.baselineLoss(delay), 1e-12);
        MultiDataSet batch = task.batch(64, delay, new Random(4));
        assertEquals(task.baselineLoss(delay), task.measuredBaseline(batch), 1e-6);
    }

    private static int hot(INDArray oneHot, int n, int t) {
        int found = -1;
        for (int c = 0; c < oneHot.size(1); c++) {
            double v = oneHot.getDouble(n, c, t);
            if (v == 1) {
                assertEquals(-1, found, "exactly one hot channel");
                found = c;
            } else {
                assertEquals(0.0, v);
            }
        }
        assertTrue(found >= 0, "one hot channel at " + t);
        return found;
    }
}
