package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The layout copies against element-by-element reference values, for every stride pattern they special-case. */
class LayoutsTest {

    private static final int BATCH = 5;
    private static final int FEATURES = 7;
    private static final int STEPS = 11;

    @Test
    void copiesEveryLayoutToTimeMajorAndBack() {
        INDArray ncw = Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS);
        INDArray nwc = ncw.permute(0, 2, 1).dup('c');
        List<INDArray> ncwVariants = List.of(ncw, ncw.dup('f'), nwc.permute(0, 2, 1));
        List<INDArray> nwcVariants = List.of(nwc, nwc.dup('f'), ncw.permute(0, 2, 1));
        for (INDArray sequences : ncwVariants) {
            check(sequences, false);
        }
        for (INDArray sequences : nwcVariants) {
            check(sequences, true);
        }
    }

    private static void check(INDArray sequences, boolean nwc) {
        String what = (nwc ? "NWC" : "NCW") + " order " + sequences.ordering() + " strides "
                + java.util.Arrays.toString(sequences.stride());
        INDArray timeMajor = Nd4j.create(DataType.FLOAT, STEPS, BATCH, FEATURES);
        Layouts.toTimeMajor(sequences, nwc, Mem.of(timeMajor));
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < STEPS; t++) {
                for (int f = 0; f < FEATURES; f++) {
                    float expected = nwc ? sequences.getFloat(b, t, f) : sequences.getFloat(b, f, t);
                    assertEquals(expected, timeMajor.getFloat(t, b, f), 0f, what + " into time-major");
                }
            }
        }
        INDArray back = Nd4j.create(DataType.FLOAT, sequences.shape(), sequences.ordering());
        Layouts.fromTimeMajor(Mem.of(timeMajor), back, nwc);
        assertEquals(0.0, back.sub(sequences).amaxNumber().doubleValue(), what + " back from time-major");
    }
}
