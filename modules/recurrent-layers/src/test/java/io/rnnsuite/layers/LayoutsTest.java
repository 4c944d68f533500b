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

    /** Lengths 3 and 5 (padding at the end) and a mask with holes: real steps last first, then the padding. */
    @Test
    void readsEachSequenceBackwardsWithinItsOwnStepsAndPutsItBack() {
        INDArray mask = Nd4j.createFromArray(new float[][] {{1, 1, 1, 0, 0}, {1, 1, 1, 1, 1}, {0, 1, 1, 0, 1}});
        StepOrder order = StepOrder.backwardsWithin(mask, 3, 5);
        int[][] expected = {{2, 1, 0, 3, 4}, {4, 3, 2, 1, 0}, {4, 2, 1, 0, 3}};
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                assertEquals(expected[b][t], order.step(b, t), "sequence " + b + " step " + t);
            }
        }
        assertEquals(false, order.uniform());
        assertEquals(true, StepOrder.backwardsWithin(Nd4j.ones(DataType.FLOAT, 3, 5), 3, 5).uniform(),
                "without padding the whole axis is reversed, as for every sequence alike");
        INDArray prefix = mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        assertEquals(prefix.castTo(DataType.DOUBLE), StepOrder.backwardsWithin(prefix, 2, 5).reorderMask(prefix, 2)
                .castTo(DataType.DOUBLE), "a mask padded at the end is its own reordering");

        INDArray ncw = Nd4j.rand(DataType.FLOAT, 3, FEATURES, 5);
        for (boolean nwc : new boolean[] {false, true}) {
            INDArray sequences = nwc ? ncw.permute(0, 2, 1).dup('c') : ncw;
            INDArray reordered = Nd4j.create(DataType.FLOAT, sequences.shape());
            Layouts.reorder(sequences, reordered, nwc, order, false);
            for (int b = 0; b < 3; b++) {
                for (int t = 0; t < 5; t++) {
                    for (int f = 0; f < FEATURES; f++) {
                        float want = nwc ? sequences.getFloat(b, expected[b][t], f) : sequences.getFloat(b, f, expected[b][t]);
                        float got = nwc ? reordered.getFloat(b, t, f) : reordered.getFloat(b, f, t);
                        assertEquals(want, got, 0f, (nwc ? "NWC" : "NCW") + " sequence " + b + " step " + t);
                    }
                }
            }
            INDArray back = Nd4j.create(DataType.FLOAT, sequences.shape());
            Layouts.reorder(reordered, back, nwc, order, true);
            assertEquals(0.0, back.sub(sequences).amaxNumber().doubleValue(), "putting the steps back");
        }
    }
}
