package io.rnnsuite.common.train;

import io.rnnsuite.common.NativeThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Independent trainings side by side, one thread each. The apps' small recurrent networks train
 * fastest on one thread (docs/results/threads.md: ND4J's OpenMP threads made them several times
 * slower), so a machine with two cores trains two of them at once: the
 * comparison's models and the lab's runs are independent, and each is trained exactly as it
 * would be alone (its own network, data iterators, random generators and ND4J workspaces, which
 * are per thread). What is shared: the JVM's heap and garbage collector, the cores' caches and
 * memory bandwidth: in a full compare on 2 cores each of two trainings side by side ran 20–45 %
 * slower per update than alone, so two at once did 1.4–1.6× the work of one, not 2×.
 */
public final class ParallelRuns {

    private ParallelRuns() {
    }

    /**
     * How many single-threaded trainings fit at once: the cores divided by the threads each one
     * uses (ND4J's operation threads, or the fast layers' OpenBLAS threads, whichever is more), at
     * least 1.
     */
    public static int perCore() {
        int perTraining = Math.max(1, Math.max(NativeThreads.current(), NativeThreads.blasThreads()));
        return Math.max(1, Runtime.getRuntime().availableProcessors() / perTraining);
    }

    /**
     * Runs {@code tasks} on {@code threads} threads (in the calling thread when {@code threads} is 1
     * or there is only one task) and returns their results in the tasks' order. When a task fails,
     * the tasks not yet started are dropped, those running are waited for, and the first failure
     * in the tasks' order is thrown as it was (a checked exception wrapped in a
     * {@link RuntimeException}).
     *
     * @param name the threads' name prefix ({@code compare-1}, {@code compare-2})
     */
    public static <T> List<T> run(int threads, String name, List<? extends Callable<T>> tasks) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        List<T> results = new ArrayList<>(tasks.size());
        if (threads == 1 || tasks.size() <= 1) {
            for (Callable<T> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    // ND4J's workspaces belong to their thread: gone with it, not kept until a collection
                    Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
                }
            }, name + "-" + count.incrementAndGet());
            t.setDaemon(true); // a failed or interrupted run must not be kept alive by trainings still going
            return t;
        });
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null; // another task failed: this one is dropped
                    }
                    try {
                        return task.call();
                    } catch (Throwable t) {
                        failed.set(true);
                        throw t;
                    }
                }));
            }
            Throwable first = null;
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw new IllegalStateException("interrupted while waiting for " + name + " runs", e);
                }
            }
            if (first != null) {
                throw rethrow(first);
            }
            return results;
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS); // its threads release their workspaces
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new RuntimeException(t);
    }
}
