package io.rnnsuite.examples.bench;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's practical float32 ceiling: the best GFLOP/s of a large square {@code cblas_sgemm}
 * through the OpenBLAS that ND4J itself loads (the library every recurrent layer's products go
 * through), with whatever BLAS threads this JVM was started with.
 */
public final class GemmPeak {

    private GemmPeak() {
    }

    /**
     * Multiplies two {@code n×n} float matrices {@code 1 + repeats} times (the first untimed) and
     * returns the best rate, {@code 2n³ / seconds / 1e9}.
     */
    public static double measure(int n, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, n);
        FloatPointer pa = new FloatPointer(a.data().addressPointer());
        FloatPointer pb = new FloatPointer(b.data().addressPointer());
        FloatPointer pc = new FloatPointer(c.data().addressPointer());
        double best = 0;
        for (int i = 0; i <= repeats; i++) {
            long start = System.nanoTime();
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, n, n, n,
                    1f, pa, n, pb, n, 0f, pc, n);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (i > 0) {
                best = Math.max(best, 2.0 * n * n * (double) n / seconds / 1e9);
            }
        }
        if (!(c.getFloat(0, 0) > 0)) { // keeps the product observable; rand() inputs are positive
            throw new IllegalStateException("sgemm produced " + c.getFloat(0, 0));
        }
        return best;
    }
}
