package io.rnnsuite.examples.bench;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's practical float32 ceiling at a thread count: the best GFLOP/s of a large square
 * {@code cblas_sgemm} through the BLAS library this process chose ({@code BlasLibrary}: Intel MKL
 * where its preset is on the class path, else the OpenBLAS ND4J bundles; the fast layers' products
 * and ND4J's run on it), on the given number of BLAS threads.
 *
 * <p>The thread count is set for the measurement and put back afterwards, because the process's
 * current BLAS setting need not be the core count: with the fast layers' two-way split
 * ({@code RowSplit}) their products run on one BLAS thread each while both cores work, so a
 * product measured at the current setting would be a one-core ceiling.
 */
public final class GemmPeak {

    private GemmPeak() {
    }

    /**
     * Multiplies two {@code n×n} float matrices {@code 1 + repeats} times (the first untimed) on
     * {@code threads} BLAS threads and returns the best rate, {@code 2n³ / seconds / 1e9}. BLAS's
     * thread count afterwards is what it was before.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static double measure(int n, int repeats, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1; got " + threads);
        }
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, n);
        FloatPointer pa = new FloatPointer(a.data().addressPointer());
        FloatPointer pb = new FloatPointer(b.data().addressPointer());
        FloatPointer pc = new FloatPointer(c.data().addressPointer());
        int before = openblas.blas_get_num_threads();
        double best = 0;
        try {
            openblas.blas_set_num_threads(threads);
            for (int i = 0; i <= repeats; i++) {
                long start = System.nanoTime();
                openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, n, n, n,
                        1f, pa, n, pb, n, 0f, pc, n);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (i > 0) {
                    best = Math.max(best, 2.0 * n * n * (double) n / seconds / 1e9);
                }
            }
        } finally {
            openblas.blas_set_num_threads(before);
        }
        if (!(c.getFloat(0, 0) > 0)) { // keeps the product observable; rand() inputs are positive
            throw new IllegalStateException("sgemm produced " + c.getFloat(0, 0));
        }
        return best;
    }
}
