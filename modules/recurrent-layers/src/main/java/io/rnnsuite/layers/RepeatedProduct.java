package io.rnnsuite.layers;

import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * {@code C = A op(B) + beta C} repeated with one {@code B} and one shape: a recurrent weight
 * matrix, multiplied into every time step of a pass. On MKL, for float, {@code op(B)} is packed
 * once into MKL's own layout ({@code cblas_sgemm_pack}) and every product runs from that
 * ({@code cblas_sgemm_compute}), which skips the packing that each plain {@code sgemm} call does
 * again: for one LSTM(128) step of 16 rows ({@code [16 x 128] x [128 x 512]}, one thread) 9.2–9.9
 * µs a product instead of 15.7–19.7 (Intel AVX-512 host, docs/results/performance.md). Elsewhere (OpenBLAS, double, or too few
 * products for the packing to pay) each product is a plain {@link Blas#gemm}.
 *
 * <p>Results may differ from {@link Blas#gemm}'s in the last bits (MKL's packed kernels sum in
 * another order); they repeat exactly from run to run ({@code MKL_CBWR}). Not thread-safe: each
 * half of a {@link RowSplit} makes its own.
 */
final class RepeatedProduct implements AutoCloseable {

    /**
     * Products a pass must repeat before it packs: the packing reads and writes B once, about what
     * one plain product's own packing does, so a few products repay it (a threshold chosen, not
     * tuned; the sampling and single-step paths, one step at a time, stay plain).
     */
    static final int MIN_PRODUCTS = 8;

    /** RNN_SUITE_PACKED_GEMM=off: plain products everywhere (to compare). */
    private static final boolean ENABLED = !"off".equalsIgnoreCase(System.getenv("RNN_SUITE_PACKED_GEMM"));

    private static volatile int minimumProducts = MIN_PRODUCTS;
    private static final AtomicLong PACKED = new AtomicLong();

    private final boolean transB;
    private final int m;
    private final int n;
    private final int k;
    private final Mem b;
    private final long bOffset;
    private final int ldb;
    /** MKL's packed op(B), or null for plain products. */
    private final FloatPointer packed;
    private final BytePointer allocation;

    private RepeatedProduct(boolean transB, int m, int n, int k, Mem b, long bOffset, int ldb, int products) {
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.b = b;
        this.bOffset = bOffset;
        this.ldb = ldb;
        if (ENABLED && products >= minimumProducts && !b.isDouble && m > 0 && n > 0 && k > 0 && BlasLibrary.choose()) {
            long bytes = Mkl.packedSize(m, n, k);
            // 64-byte aligned, as MKL's own allocator would give it
            allocation = new BytePointer(bytes + 64);
            long misaligned = allocation.address() % 64;
            packed = new FloatPointer(allocation).position(misaligned == 0 ? 0 : (64 - misaligned) / Float.BYTES);
            Mkl.pack(transB, m, n, k, b.floatPointer(bOffset), ldb, packed);
            PACKED.incrementAndGet();
        } else {
            allocation = null;
            packed = null;
        }
    }

    /**
     * For {@code products} products {@code C = A op(B) + beta C} with {@code op(A)} {@code m x k}
     * (A not transposed) and {@code op(B)} {@code k x n}, B read now (packed) or at each product.
     */
    static RepeatedProduct of(boolean transB, int m, int n, int k, Mem b, long bOffset, int ldb, int products) {
        return new RepeatedProduct(transB, m, n, k, b, bOffset, ldb, products);
    }

    /** {@code C = A op(B) + beta C}; A row-major {@code m x k} (leading dimension lda), C {@code m x n}. */
    void multiply(Mem a, long aOffset, int lda, double beta, Mem c, long cOffset, int ldc) {
        if (packed == null) {
            Blas.gemm(false, transB, m, n, k, 1, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        } else {
            Mkl.compute(m, n, k, a.floatPointer(aOffset), lda, packed, (float) beta, c.floatPointer(cOffset), ldc);
        }
    }

    /** Whether the products run from a packed B (for tests). */
    boolean isPacked() {
        return packed != null;
    }

    @Override
    public void close() {
        if (allocation != null) {
            allocation.deallocate();
        }
    }

    /** The fewest products a pass packs for, from now on (tests set 1 so that their short passes pack). */
    static void setMinimumProducts(int products) {
        minimumProducts = products;
    }

    /** How many times a B was packed so far in this JVM (tests check that the packed path ran). */
    static long packings() {
        return PACKED.get();
    }

    /** MKL's packed GEMM; only linked once {@link BlasLibrary#choose()} said MKL. */
    private static final class Mkl {
        private static final int ROW_MAJOR = org.bytedeco.mkl.global.mkl_rt.CblasRowMajor;
        private static final int NO_TRANS = org.bytedeco.mkl.global.mkl_rt.CblasNoTrans;
        private static final int TRANS = org.bytedeco.mkl.global.mkl_rt.CblasTrans;
        private static final int B_MATRIX = org.bytedeco.mkl.global.mkl_rt.CblasBMatrix;
        private static final int PACKED = org.bytedeco.mkl.global.mkl_rt.CblasPacked;

        static long packedSize(int m, int n, int k) {
            return org.bytedeco.mkl.global.mkl_rt.cblas_sgemm_pack_get_size(B_MATRIX, m, n, k);
        }

        static void pack(boolean transB, int m, int n, int k, FloatPointer b, int ldb, FloatPointer into) {
            org.bytedeco.mkl.global.mkl_rt.cblas_sgemm_pack(ROW_MAJOR, B_MATRIX, transB ? TRANS : NO_TRANS, m, n, k, 1f,
                    b, ldb, into);
        }

        static void compute(int m, int n, int k, FloatPointer a, int lda, FloatPointer packed, float beta, FloatPointer c,
                            int ldc) {
            org.bytedeco.mkl.global.mkl_rt.cblas_sgemm_compute(ROW_MAJOR, NO_TRANS, PACKED, m, n, k, a, lda, packed, k,
                    beta, c, ldc);
        }
    }
}
