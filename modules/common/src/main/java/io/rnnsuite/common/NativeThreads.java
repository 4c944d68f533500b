package io.rnnsuite.common;

import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread settings. On this project's 2-core machines the default OpenMP settings made a
 * small LSTM 3–10× slower than one thread (see docs/results/threads.md for the measurement), so
 * the launcher exports {@code OMP_NUM_THREADS=1} unless the user set it, and the CLI's
 * {@code --threads} flag also caps ND4J's own op threads here.
 *
 * <p>The fast recurrent layers ({@code io.rnnsuite.common.recurrent}) call OpenBLAS directly; its
 * threads are set apart with {@link #applyBlas(int)} ({@code --blas-threads}). OpenBLAS fixes the
 * size of its thread pool when it loads, from {@code OPENBLAS_NUM_THREADS}, else
 * {@code OMP_NUM_THREADS}: the launcher exports {@code OPENBLAS_NUM_THREADS} = the number of cores
 * so that a later {@code --blas-threads 2} can take effect; below that pool size the setting is a
 * plain switch. Measured (docs/results/performance.md): two BLAS threads trained LSTM(512) about
 * 1.7x faster on an idle 2-core machine and about 1.3x slower with one core busy elsewhere, hence
 * the default of 1.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Caps ND4J's operation threads; {@code threads <= 0} leaves the current setting. */
    public static void apply(int threads) {
        if (threads <= 0) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    /** What ND4J uses now, for run.json. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }

    private static volatile int blasThreads = 1;

    /**
     * Threads for OpenBLAS's matrix products, taken up by the fast layers at their next forward or
     * backward pass ({@link #blasThreads()}); at most the pool size OpenBLAS took at start-up.
     * Results repeat exactly at a given thread count; one and two threads differ in the last bits
     * (BlasThreadsTest), so a seeded run is reproduced bit for bit only with the same setting.
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
     * Sets OpenBLAS to {@link #blasThreads()} now. The fast layers call this before their products,
     * after ND4J's start-up (which sets OpenBLAS to {@code OMP_NUM_THREADS}) and whatever else
     * changed it in between.
     */
    public static void useBlasThreads() {
        openblas.blas_set_num_threads(blasThreads);
    }
}
