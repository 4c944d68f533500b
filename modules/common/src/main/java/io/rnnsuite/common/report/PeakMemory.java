package io.rnnsuite.common.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Measures the memory a task works with: Java heap in use plus ND4J's off-heap buffers (as
 * tracked by JavaCPP), sampled every 50 ms, after a garbage collection before the task starts.
 *
 * <p>Not the process's resident size: the JVM keeps heap it once grew to, so resident size
 * only rises over a run and would charge later models for earlier ones. Heap in use still holds
 * garbage not yet collected, so the figure is an upper bound of what the task needed.
 */
public final class PeakMemory {

    /** A task's result and the peak of heap-in-use plus off-heap bytes while it ran. */
    public record Measured<T>(T value, long peakBytes) {
        public double peakMiB() {
            return peakBytes / (1024.0 * 1024.0);
        }
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private PeakMemory() {
    }

    /**
     * Runs {@code task} after a garbage collection, sampling heap-in-use plus off-heap bytes. The
     * collection matters beyond the measurement: ND4J's off-heap buffers are freed only when their
     * Java objects are collected, and JavaCPP forces a collection by itself only near twice the
     * maximum heap, so trainings side by side without it grew a full compare run to 17 GiB
     * resident. Beside other tasks the peak is the process's, not this task's.
     */
    public static <T> Measured<T> during(Supplier<T> task) {
        System.gc();
        AtomicLong peak = new AtomicLong(usedBytes());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedBytes(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            T value = task.get();
            peak.accumulateAndGet(usedBytes(), Math::max);
            return new Measured<>(value, peak.get());
        } finally {
            sampler.interrupt();
        }
    }

    /** Java heap in use plus JavaCPP-tracked off-heap bytes (ND4J's arrays live there). */
    public static long usedBytes() {
        return MEMORY.getHeapMemoryUsage().getUsed() + Pointer.totalBytes();
    }
}
