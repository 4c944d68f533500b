package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A product repeated from a packed B gives a plain product's numbers, at an offset into larger
 * buffers and with beta 0 or 1, and is plain where packing cannot or need not be done.
 */
class RepeatedProductTest {

    @ParameterizedTest(name = "transB={0} m={1} n={2} k={3} beta={4}")
    @CsvSource({
        "true, 16, 512, 128, 1",
        "true, 3, 37, 5, 0",
        "false, 16, 128, 512, 1",
        "false, 1, 19, 7, 0",
    })
    void thePackedProductGivesThePlainProductsNumbers(boolean transB, int m, int n, int k, double beta) {
        assumeTrue(BlasLibrary.choose(), "packed products are MKL's");
        Nd4j.getRandom().setSeed(11);
        // B row-major [n, k] when transposed, else [k, n], at an offset of 3 elements into its buffer
        INDArray b = Nd4j.rand(DataType.FLOAT, 1, 3 + (long) n * k);
        INDArray a = Nd4j.rand(DataType.FLOAT, 2, (long) m * k);
        INDArray c0 = Nd4j.rand(DataType.FLOAT, 2, (long) m * n);
        INDArray plain = c0.dup();
        INDArray packed = c0.dup();
        int ldb = transB ? k : n;
        try (RepeatedProduct product = RepeatedProduct.of(transB, m, n, k, Mem.of(b), 3, ldb, RepeatedProduct.MIN_PRODUCTS)) {
            assertTrue(product.isPacked(), "packed on MKL");
            for (int step = 0; step < 2; step++) {
                long aAt = (long) step * m * k;
                long cAt = (long) step * m * n;
                Blas.gemm(false, transB, m, n, k, 1, Mem.of(a), aAt, k, Mem.of(b), 3, ldb, beta, Mem.of(plain), cAt, n);
                product.multiply(Mem.of(a), aAt, k, beta, Mem.of(packed), cAt, n);
            }
        }
        for (int i = 0; i < plain.length(); i++) {
            double expected = plain.getDouble(i);
            assertEquals(expected, packed.getDouble(i), 1e-5 * Math.max(1, Math.abs(expected)), "element " + i);
        }
        // beta 1 kept what was there: the result is not the bare product
        if (beta == 1) {
            assertTrue(plain.sub(c0).amaxNumber().doubleValue() > 0);
        }
    }

    @Test
    void fewProductsDoublesAndEmptyShapesStayPlainProducts() {
        INDArray floats = Nd4j.rand(DataType.FLOAT, 8, 8);
        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 8, 8);
        try (RepeatedProduct few = RepeatedProduct.of(true, 8, 8, 8, Mem.of(floats), 0, 8, RepeatedProduct.MIN_PRODUCTS - 1);
             RepeatedProduct inDouble = RepeatedProduct.of(true, 8, 8, 8, Mem.of(doubles), 0, 8, 100);
             RepeatedProduct empty = RepeatedProduct.of(true, 8, 8, 0, Mem.of(floats), 0, 8, 100)) {
            assertFalse(few.isPacked());
            assertFalse(inDouble.isPacked());
            assertFalse(empty.isPacked());
            // a plain product with k = 0 and beta 0 leaves zeros, as BLAS's contract has it
            INDArray c = Nd4j.ones(DataType.FLOAT, 8, 8);
            empty.multiply(Mem.of(floats), 0, 8, 0, Mem.of(c), 0, 8);
            assertEquals(0, c.amaxNumber().doubleValue());
        }
    }
}
