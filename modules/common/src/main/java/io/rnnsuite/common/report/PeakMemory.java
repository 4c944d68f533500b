package io.rnnsuite.common.report;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Measures the peak resident memory of this process (Java heap plus ND4J's off-heap buffers)
 * while a task runs, by sampling every 50 ms. The figure includes whatever the JVM held before,
 * so it is the process's peak, not the task's increment.
 */
public final class PeakMemory {

    /** A task's result and the process's peak resident bytes while it ran. */
    public record Measured<T>(T value, long peakBytes) {
        public double peakMiB() {
            return peakBytes / (1024.0 * 1024.0);
        }
    }

    private PeakMemory() {
    }

    public static <T> Measured<T> during(Supplier<T> task) {
        AtomicLong peak = new AtomicLong(residentBytes());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(residentBytes(), Math::max);
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
            peak.accumulateAndGet(residentBytes(), Math::max);
            return new Measured<>(value, peak.get());
        } finally {
            sampler.interrupt();
        }
    }

    /** Resident set size of this process, in bytes. */
    public static long residentBytes() {
        return Pointer.physicalBytes();
    }
}
