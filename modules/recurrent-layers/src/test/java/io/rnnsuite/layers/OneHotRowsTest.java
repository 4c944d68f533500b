package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The one-hot shortcut's pieces against the products they replace. */
class OneHotRowsTest {

    private static final int INPUTS = 9;
    private static final int WIDTH = 20;
    private static final int[] SYMBOLS = {4, OneHotRows.NONE, 0, 8, 4, 4, OneHotRows.NONE, 1, 8, 3};

    private static INDArray rowsOf(int[] symbols, DataType type) {
        INDArray x = Nd4j.zeros(type, symbols.length, INPUTS);
        for (int r = 0; r < symbols.length; r++) {
            if (symbols[r] != OneHotRows.NONE) {
                x.putScalar(r, symbols[r], 1.0);
            }
        }
        return x;
    }

    @Test
    void findsTheSymbolOfEachRowAndRefusesAnythingElse() {
        assertArrayEquals(SYMBOLS, OneHotRows.symbols(Mem.of(rowsOf(SYMBOLS, DataType.FLOAT)), SYMBOLS.length, INPUTS));
        assertArrayEquals(SYMBOLS, OneHotRows.symbols(Mem.of(rowsOf(SYMBOLS, DataType.DOUBLE)), SYMBOLS.length, INPUTS));
        INDArray half = rowsOf(SYMBOLS, DataType.FLOAT);
        half.putScalar(3, 8, 0.5);
        assertNull(OneHotRows.symbols(Mem.of(half), SYMBOLS.length, INPUTS), "a 0.5 is not one-hot");
        INDArray two = rowsOf(SYMBOLS, DataType.FLOAT);
        two.putScalar(9, 5, 1.0);
        assertNull(OneHotRows.symbols(Mem.of(two), SYMBOLS.length, INPUTS), "two ones in a row");
        INDArray narrow = Nd4j.eye(OneHotRows.MIN_INPUTS - 1).castTo(DataType.FLOAT);
        assertNull(OneHotRows.symbols(Mem.of(narrow), OneHotRows.MIN_INPUTS - 1, OneHotRows.MIN_INPUTS - 1),
                "narrower than the threshold");
    }

    /**
     * Read where they lie, one-hot sequences give the symbols the time-major copy gives, in
     * either step order and through a view whose batch stride is not its own size; anything not
     * one-hot is refused there too, and layouts the scan does not read are left to the copy.
     */
    @Test
    void readInTheLayersLayoutTheSymbolsAreThoseOfTheTimeMajorCopy() {
        int batch = 3;
        int steps = 7;
        java.util.Random random = new java.util.Random(5);
        INDArray wide = Nd4j.zeros(DataType.FLOAT, batch, INPUTS + 2, steps);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                if (b != 1 || t < 4) { // sequence 1 reads nothing after its fourth step, as padding gives
                    wide.putScalar(new long[] {b, random.nextInt(INPUTS), t}, 1.0);
                }
            }
        }
        INDArray full = wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, INPUTS), org.nd4j.linalg.indexing.NDArrayIndex.all());
        for (INDArray sequences : new INDArray[] {full.dup('c'), full}) {
            assertTrue(OneHotRows.scansInLayout(sequences, false));
            for (StepOrder order : new StepOrder[] {StepOrder.forwards(steps), StepOrder.backwards(steps)}) {
                INDArray x = Nd4j.create(DataType.FLOAT, steps, batch, INPUTS);
                Layouts.copy(sequences, false, Mem.of(x), true, order);
                int[] copied = OneHotRows.symbols(Mem.of(x), batch * steps, INPUTS);
                assertEquals(batch * steps, copied.length);
                assertArrayEquals(copied, OneHotRows.symbolsInLayout(sequences, order));
            }
        }
        INDArray two = full.dup('c');
        two.putScalar(new long[] {2, INPUTS - 1, 6}, 1.0);
        two.putScalar(new long[] {2, 0, 6}, 1.0);
        assertNull(OneHotRows.symbolsInLayout(two, StepOrder.forwards(steps)), "two ones at a step");
        INDArray half = full.dup('c');
        half.putScalar(new long[] {0, 3, 2}, 0.5);
        assertNull(OneHotRows.symbolsInLayout(half, StepOrder.forwards(steps)), "a 0.5 is not one-hot");
        assertTrue(!OneHotRows.scansInLayout(full.castTo(DataType.DOUBLE), false), "doubles go through the copy");
        assertTrue(!OneHotRows.scansInLayout(full.permute(0, 2, 1).dup('c'), true), "NWC goes through the copy");
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT", "DOUBLE"})
    void projectsAsTheProductDoesAndSumsAsTheWeightGradientProductDoes(DataType type) {
        Nd4j.getRandom().setSeed(7);
        INDArray x = rowsOf(SYMBOLS, type);
        INDArray w = Nd4j.randn(type, WIDTH, INPUTS); // row-major [width, inputs], as the layers see W
        INDArray dz = Nd4j.randn(type, SYMBOLS.length, WIDTH);

        INDArray expectedZ = Nd4j.create(type, SYMBOLS.length, WIDTH);
        Blas.gemm(false, true, SYMBOLS.length, WIDTH, INPUTS, 1, Mem.of(x), 0, INPUTS, Mem.of(w), 0, INPUTS,
                0, Mem.of(expectedZ), 0, WIDTH);
        INDArray z = Nd4j.valueArrayOf(new long[] {SYMBOLS.length, WIDTH}, 3.0, type); // overwritten, padding rows too
        OneHotRows.project(SYMBOLS, Mem.of(w), WIDTH, INPUTS, Mem.of(z));
        assertEquals(expectedZ, z);

        int firstRow = 3; // truncated BPTT: only the rows from here count
        INDArray expectedGw = Nd4j.create(type, WIDTH, INPUTS);
        Blas.gemm(true, false, WIDTH, INPUTS, SYMBOLS.length - firstRow, 1, Mem.of(dz), (long) firstRow * WIDTH, WIDTH,
                Mem.of(x), (long) firstRow * INPUTS, INPUTS, 0, Mem.of(expectedGw), 0, INPUTS);
        INDArray gw = Nd4j.valueArrayOf(new long[] {WIDTH, INPUTS}, 3.0, type);
        OneHotRows.weightGradient(SYMBOLS, firstRow, Mem.of(dz), WIDTH, INPUTS, Mem.of(gw));
        double difference = gw.castTo(DataType.DOUBLE).sub(expectedGw.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(difference < (type == DataType.FLOAT ? 1e-5 : 1e-12), "weight gradient differs by " + difference);
        assertEquals(0.0, gw.getColumn(2).amaxNumber().doubleValue(), "symbol 2 is read by no counted row");
    }

    @Test
    void theWeightGradientSharedBetweenTheCoresIsTheOneThreadsToTheBit() {
        org.junit.jupiter.api.Assumptions.assumeTrue(BlasLibrary.choose(), "the split runs on MKL only");
        Nd4j.getRandom().setSeed(8);
        INDArray dz = Nd4j.randn(DataType.FLOAT, SYMBOLS.length, WIDTH);
        INDArray oneThread = Nd4j.create(DataType.FLOAT, WIDTH, INPUTS);
        OneHotRows.weightGradient(SYMBOLS, 1, Mem.of(dz), WIDTH, INPUTS, Mem.of(oneThread));
        BlasThreads.applyBlas(2);
        RowSplit.setMinimumWork(0);
        try {
            long before = RowSplit.splitPasses();
            INDArray split = Nd4j.create(DataType.FLOAT, WIDTH, INPUTS);
            OneHotRows.weightGradient(SYMBOLS, 1, Mem.of(dz), WIDTH, INPUTS, Mem.of(split));
            assertTrue(RowSplit.splitPasses() > before, "the columns were shared between the cores");
            assertArrayEquals(oneThread.reshape(-1).toFloatVector(), split.reshape(-1).toFloatVector(), 0f);
            assertTrue(oneThread.amaxNumber().doubleValue() > 0, "a gradient was written");
        } finally {
            BlasThreads.applyBlas(1);
            RowSplit.setMinimumWork(RowSplit.MIN_WORK_PER_HALF);
        }
    }
}
