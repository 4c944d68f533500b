package io.rnnsuite.common;

import io.rnnsuite.layers.BlasThreads;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread settings. On this project's 2-core machines the default OpenMP settings made a
 * small LSTM 3–10× slower than one thread (see docs/results/threads.md for the measurement), so
 * the launcher exports {@code OMP_NUM_THREADS=1} unless the user set it, and the CLI's
 * {@code --threads} flag also caps ND4J's own op threads here.
 *
 * <p>The fast recurrent layers ({@code io.rnnsuite.layers}, module rnn-suite-layers) call OpenBLAS
 * directly; its threads are set apart with {@link #applyBlas(int)} ({@code --blas-threads}), which
 * hands the setting to {@link BlasThreads} in that module. OpenBLAS fixes the
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

    /**
     * Caps ND4J's operation threads; {@code threads <= 0} leaves the current setting. Also sets the
     * calling thread's OpenMP thread count: ND4J's {@code setMaxThreads} leaves it at
     * {@code OMP_NUM_THREADS}, and the ops that use OpenMP directly (the updater, element-wise
     * and reduction ops) went on starting teams of that size, whose threads then spun beside the
     * fast layers' own second thread (measured: one such thread at about 70 % of a core).
     */
    public static void apply(int threads) {
        if (threads <= 0) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** What ND4J uses now, for run.json. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }

    /**
     * Threads for OpenBLAS's matrix products in the fast layers ({@code --blas-threads});
     * delegates to {@link BlasThreads#applyBlas(int)}, which owns the setting.
     */
    public static void applyBlas(int threads) {
        BlasThreads.applyBlas(threads);
    }

    /** The thread count set by {@link #applyBlas(int)} (default 1); see {@link BlasThreads#blasThreads()}. */
    public static int blasThreads() {
        return BlasThreads.blasThreads();
    }

    /** Sets OpenBLAS to {@link #blasThreads()} now; see {@link BlasThreads#useBlasThreads()}. */
    public static void useBlasThreads() {
        BlasThreads.useBlasThreads();
    }
}
