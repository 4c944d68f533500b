package io.rnnsuite.common;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread settings. On this project's 2-core machines the default OpenMP settings made a
 * small LSTM 3–10× slower than one thread (see docs/results/threads.md for the measurement), so
 * the launcher exports {@code OMP_NUM_THREADS=1} unless the user set it, and the CLI's
 * {@code --threads} flag also caps ND4J's own op threads here.
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
}
