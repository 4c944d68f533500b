package io.rnnsuite.layers;

import org.bytedeco.openblas.global.openblas;

/**
 * How many cores the fast layers use ({@code --blas-threads}). On MKL, two or more mean the
 * layers' own two-way split ({@link RowSplit}) with BLAS on one thread; on OpenBLAS, that many
 * threads for the layers' matrix products. The layers call BLAS directly (not through ND4J's op
 * executioner), so ND4J's thread settings do not reach them; they call {@link #useBlasThreads()}
 * before their products instead.
 *
 * <p>OpenBLAS fixes the size of its thread pool when it loads, from {@code OPENBLAS_NUM_THREADS},
 * else {@code OMP_NUM_THREADS}; {@link #applyBlas(int)} can only go up to that pool size, and below
 * it the setting is a plain switch. Measured (docs/results/performance.md in the rnn-suite
 * repository): two BLAS threads trained LSTM(512) about 1.7x faster on an idle 2-core machine and
 * about 1.3x slower with one core busy elsewhere, hence the default of 1.
 */
public final class BlasThreads {

    private static volatile int blasThreads = 1;

    private BlasThreads() {
    }

    /**
     * Threads for OpenBLAS's matrix products, taken up by the fast layers at their next forward or
     * backward pass ({@link #blasThreads()}); at most the pool size OpenBLAS took at start-up.
     * Results repeat exactly at a given thread count; one and two threads differ in the last bits
     * (BlasThreadsTest), so a seeded run is reproduced bit for bit only with the same setting.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static void applyBlas(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("BLAS threads must be at least 1; got " + threads);
        }
        blasThreads = threads;
    }

    /** The thread count set by {@link #applyBlas(int)} (default 1). */
    public static int blasThreads() {
        return blasThreads;
    }

    /**
     * Sets BLAS to {@link #blasThreads()} now, or to one thread while {@link RowSplit} shares the
     * cores out. The fast layers call this before their products,
     * after ND4J's start-up (which sets OpenBLAS to {@code OMP_NUM_THREADS}) and whatever else
     * changed it in between. Sets it only when OpenBLAS holds another count: JavaCPP's
     * {@code blas_set_num_threads} looks its target up by name on every call (about 0.35 ms here,
     * measured; the 1-thread app-forecast training batch is about 5 ms), while reading the count
     * costs about 0.1 µs.
     */
    public static void useBlasThreads() {
        // with the row split the layers share out the cores themselves, and BLAS runs on one thread
        int wanted = RowSplit.active() && !RowSplit.inLargePass() ? 1 : blasThreads;
        if (openblas.blas_get_num_threads() != wanted) {
            openblas.blas_set_num_threads(wanted);
        }
    }
}
