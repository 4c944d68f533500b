package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * On Linux x86-64 the build brings MKL and the tests run on it, as the CLI does: ND4J's products
 * and the fast layers' direct calls then both go to MKL, and give the right numbers.
 */
class BlasLibraryTest {

    @Test
    void theLinuxBuildRunsItsProductsOnMkl() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").equals("amd64"), "MKL comes with the Linux x86-64 build only");
        assertTrue(BlasLibrary.choose(), "MKL chosen (" + BlasLibrary.LOAD_PROPERTY + "="
                + System.getProperty(BlasLibrary.LOAD_PROPERTY) + ")");
        assertTrue(BlasLibrary.describe().matches("MKL 20\\d\\d\\.\\d+ \\(build \\d+\\)"), BlasLibrary.describe());

        Nd4j.getRandom().setSeed(3);
        INDArray a = Nd4j.rand(DataType.FLOAT, 37, 53);
        INDArray b = Nd4j.rand(DataType.FLOAT, 53, 29);
        INDArray product = a.mmul(b);
        assertEquals(3, openblas.blas_get_vendor(), "JavaCPP's OpenBLAS preset reports MKL (3) as its vendor");
        for (int i = 0; i < 37; i++) {
            for (int j = 0; j < 29; j++) {
                double expected = 0;
                for (int k = 0; k < 53; k++) {
                    expected += a.getDouble(i, k) * b.getDouble(k, j);
                }
                assertEquals(expected, product.getDouble(i, j), 1e-4, "product at " + i + "," + j);
            }
        }
    }
}
