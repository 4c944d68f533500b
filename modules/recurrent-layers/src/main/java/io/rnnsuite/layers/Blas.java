package io.rnnsuite.layers;

import org.bytedeco.openblas.global.openblas;

/**
 * Row-major matrix products straight into BLAS ({@code cblas_sgemm} / {@code cblas_dgemm} of the
 * OpenBLAS that ND4J itself loads), on raw memory with explicit leading dimensions: no copies, no
 * allocation, and operands may be strided blocks of larger buffers (one time step of a sequence).
 * Measured on this project's machine, this reaches about twice the GFLOP/s of {@code Nd4j.gemm}
 * for one LSTM step's product (see docs/dl4j-facts.md).
 */
final class Blas {

    private Blas() {
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, all row-major; {@code op(A)} is m×k,
     * {@code op(B)} is k×n, C is m×n. Offsets are in elements.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, Mem a, long aOffset, int lda,
                     Mem b, long bOffset, int ldb,
                     double beta, Mem c, long cOffset, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        if (k == 0) {
            // BLAS leaves C scaled by beta; with beta 0 it must read as zeros
            scale(c, cOffset, m, n, ldc, beta);
            return;
        }
        if (c.isDouble) {
            openblas.cblas_dgemm(openblas.CblasRowMajor, ta, tb, m, n, k, alpha,
                    a.doublePointer(aOffset), lda, b.doublePointer(bOffset), ldb,
                    beta, c.doublePointer(cOffset), ldc);
        } else {
            openblas.cblas_sgemm(openblas.CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    a.floatPointer(aOffset), lda, b.floatPointer(bOffset), ldb,
                    (float) beta, c.floatPointer(cOffset), ldc);
        }
    }

    /**
     * {@link #gemm} shared between the two cores when the row split is on ({@link RowSplit}): the
     * rows of C in two halves, or its columns when it has fewer rows than columns. Each element of
     * C comes out of the same single-threaded product either way.
     */
    static void gemmSplit(boolean transA, boolean transB, int m, int n, int k,
                          double alpha, Mem a, long aOffset, int lda,
                          Mem b, long bOffset, int ldb,
                          double beta, Mem c, long cOffset, int ldc) {
        if (m >= n) {
            RowSplit.run(m, (long) n * k, (from, to) -> gemm(transA, transB, to - from, n, k, alpha,
                    a, aOffset + (transA ? from : (long) from * lda), lda, b, bOffset, ldb,
                    beta, c, cOffset + (long) from * ldc, ldc));
        } else {
            RowSplit.run(n, (long) m * k, (from, to) -> gemm(transA, transB, m, to - from, k, alpha,
                    a, aOffset, lda, b, bOffset + (transB ? (long) from * ldb : from), ldb,
                    beta, c, cOffset + from, ldc));
        }
    }

    /**
     * {@link #gemm}, but a one-row product ({@code m == 1}, A not transposed) as a matrix-vector
     * product: OpenBLAS's sgemm packs the whole of B on every call, which for one row of a step
     * costs several times the arithmetic; sgemv reads B where it is. What the single-sequence
     * paths (steppers, {@link FastForward}) use; results may differ from {@link #gemm}'s in the
     * last bits (another summation order).
     */
    static void product(boolean transA, boolean transB, int m, int n, int k,
                        double alpha, Mem a, long aOffset, int lda,
                        Mem b, long bOffset, int ldb,
                        double beta, Mem c, long cOffset, int ldc) {
        if (m != 1 || transA || n == 0 || k == 0) {
            gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        // op(B) is k x n: with transB, B is row-major [n, k] and y = B x; else B is [k, n] and y = B^T x
        int trans = transB ? openblas.CblasNoTrans : openblas.CblasTrans;
        int rows = transB ? n : k;
        int columns = transB ? k : n;
        if (c.isDouble) {
            openblas.cblas_dgemv(openblas.CblasRowMajor, trans, rows, columns, alpha, b.doublePointer(bOffset), ldb,
                    a.doublePointer(aOffset), 1, beta, c.doublePointer(cOffset), 1);
        } else {
            openblas.cblas_sgemv(openblas.CblasRowMajor, trans, rows, columns, (float) alpha, b.floatPointer(bOffset), ldb,
                    a.floatPointer(aOffset), 1, (float) beta, c.floatPointer(cOffset), 1);
        }
    }

    /**
     * {@code y = A^T x}: A row-major {@code rows x columns} (leading dimension lda) at {@code aOffset},
     * x of length {@code rows}, y of length {@code columns} at {@code yOffset} (overwritten).
     */
    static void gemvTransposed(int rows, int columns, Mem a, long aOffset, int lda, Mem x, Mem y, long yOffset) {
        if (columns == 0) {
            return;
        }
        if (rows == 0) {
            scale(y, yOffset, 1, columns, columns, 0);
            return;
        }
        if (y.isDouble) {
            openblas.cblas_dgemv(openblas.CblasRowMajor, openblas.CblasTrans, rows, columns, 1,
                    a.doublePointer(aOffset), lda, x.doublePointer(0), 1, 0, y.doublePointer(yOffset), 1);
        } else {
            openblas.cblas_sgemv(openblas.CblasRowMajor, openblas.CblasTrans, rows, columns, 1f,
                    a.floatPointer(aOffset), lda, x.floatPointer(0), 1, 0f, y.floatPointer(yOffset), 1);
        }
    }

    private static void scale(Mem c, long offset, int m, int n, int ldc, double beta) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long at = offset + (long) i * ldc + j;
                c.set(at, beta == 0 ? 0 : beta * c.get(at));
            }
        }
    }
}
