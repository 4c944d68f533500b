package io.rnnsuite.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The memory a network needs to train, without garbage: the most off-heap memory JavaCPP counts
 * (ND4J's detached arrays: parameters, updater state, the fast layers' buffers) while the task
 * runs, sampled every 5 ms, plus the ND4J workspaces this thread holds afterwards (allocated
 * natively, outside JavaCPP's count; the stock layers keep their activations there) plus the Java
 * heap still reachable after a collection, each above its level before.
 *
 * <p>Unlike {@link io.rnnsuite.common.report.PeakMemory}, garbage not yet collected does not count,
 * so two implementations compare by what they hold, not by when the collector last ran. Call it on
 * a thread whose workspaces were destroyed first.
 */
final class NetworkMemory {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** A task's result and the memory it needed. */
    record Measured<T>(T value, long bytes) {
        double mib() {
            return bytes / (1024.0 * 1024.0);
        }
    }

    private NetworkMemory() {
    }

    static <T> Measured<T> during(Supplier<T> task) {
        long heapBefore = retainedHeap();
        long offHeapBefore = Pointer.totalBytes();
        long workspacesBefore = workspaceBytes();
        AtomicLong peakOffHeap = new AtomicLong(offHeapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakOffHeap.accumulateAndGet(Pointer.totalBytes(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "network-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
        T value;
        try {
            value = task.get();
        } finally {
            sampler.interrupt();
        }
        peakOffHeap.accumulateAndGet(Pointer.totalBytes(), Math::max);
        long bytes = Math.max(0, peakOffHeap.get() - offHeapBefore) + Math.max(0, workspaceBytes() - workspacesBefore)
                + Math.max(0, retainedHeap() - heapBefore);
        return new Measured<>(value, bytes);
    }

    /** Heap in use after a collection (approximately what is reachable). */
    private static long retainedHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Bytes held by this thread's ND4J workspaces. */
    static long workspaceBytes() {
        long bytes = 0;
        for (MemoryWorkspace workspace : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            bytes += workspace.getCurrentSize();
        }
        return bytes;
    }
}
