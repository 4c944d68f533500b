package io.rnnsuite.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees ND4J arrays as soon as their owner knows nothing refers to them any more.
 *
 * <p>An ND4J array's memory lives outside the Java heap and is otherwise freed only when the
 * garbage collector finds the array's Java object unreachable; with a large heap that is seconds
 * and hundreds of megabytes later, and until then every new array lands on pages the process has
 * never touched. On the char-LM's training loop the page faults of first touching them took
 * 10-15 % of the main thread between collections (async-profiler, 2026-12-04); freed at once,
 * the next array of the same size reuses the memory.
 */
public final class OffHeap {

    private OffHeap() {
    }

    /**
     * Frees each array that owns its memory outright: not a view, not in a workspace, not already
     * freed; the others (and nulls) are left alone. The caller promises nothing reads them again.
     */
    public static void free(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }
}
