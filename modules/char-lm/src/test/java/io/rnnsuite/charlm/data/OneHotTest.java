package io.rnnsuite.charlm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One-hot batches: the right symbol hot at each step, nothing else, zeros past the text's end. */
class OneHotTest {

    @Test
    void eachRowHoldsItsWindowAndZerosPastTheEnd() {
        int[] text = {3, 0, 2, 1, 4, 4, 0};
        int[] starts = {0, 4};
        INDArray batch = OneHot.sequences(text, starts, 1, 3, 5); // rows: text[1..4) and text[5..8), 7 past the end
        assertEquals(DataType.FLOAT, batch.dataType());
        assertArrayEquals(new long[] {2, 5, 3}, batch.shape());
        int[][] expected = {{0, 2, 1}, {4, 0, -1}};
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                for (int v = 0; v < 5; v++) {
                    assertEquals(expected[b][t] == v ? 1.0 : 0.0, batch.getDouble(b, v, t), "row " + b + " step " + t + " symbol " + v);
                }
            }
        }
        assertEquals(5.0, batch.sumNumber().doubleValue());
    }

    @Test
    void aFreshBatchDoesNotSeeAnEarlierOnesOnes() {
        int[] text = {1, 1, 1, 1};
        OneHot.sequences(text, new int[] {0}, 0, 4, 3);
        INDArray second = OneHot.sequences(new int[] {2, 2, 2, 2}, new int[] {0}, 0, 4, 3);
        assertEquals(4.0, second.sumNumber().doubleValue());
        assertEquals(0.0, second.getDouble(0, 1, 0));
    }
}
