package io.rnnsuite.layers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * How the fast layers use two cores ({@code --blas-threads 2} on MKL): they share the work out
 * themselves, in two halves, the calling thread taking one and a helper thread the other, each
 * with single-threaded BLAS. The recurrence of a pass (per step one product and one element-wise
 * pass over the batch's rows) is split by rows: the sequences of a batch never meet inside it, so
 * the halves run through every step without meeting, one hand-over per pass, where BLAS's own
 * threads meet twice per step and leave the element-wise passes to one core. The whole-sequence
 * products (input projection, weight and input gradients) are split by rows or columns of their
 * result, the layout copies by sequences.
 *
 * <p>Why not MKL's own second thread: its OpenMP threads (GNU OpenMP here, shared with ND4J) stay
 * awake spinning after each product for far longer than a step, and on two cores they then take
 * turns with whatever runs next; measured, one thread's products ran about 20 % slower beside
 * them (docs/results/performance.md). So while the split is {@link #active()}, BLAS runs on one
 * thread everywhere ({@link BlasThreads#useBlasThreads()}), ND4J's few products (the output
 * layer) included.
 *
 * <p>Layers with recurrent weights larger than {@link #MAX_SPLIT_WEIGHT_BYTES} are left to MKL's
 * own threads instead (see there).
 *
 * <p>It splits only when {@link BlasThreads#blasThreads()} is at least 2, the BLAS is MKL (whose
 * thread count can also be set per thread, {@code MKL_Set_Num_Threads_Local}, which the helper
 * and each pass use) and the work is large enough to repay the hand-over; and one split at a time:
 * work that finds the helper busy (another network training in another thread) runs all its rows
 * itself. A row's arithmetic is the same whoever runs it, so results repeat bit for bit at a given
 * setting; they may differ in the last bits from one thread's (RowSplitTest).
 */
final class RowSplit {

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a pass, through every step. */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    /**
     * Below this many multiply-adds per half (about 130 µs of one core's work) the hand-over costs
     * more than it saves: a microsecond or so while the helper spins, tens of microseconds when it
     * has to be woken.
     */
    static final long MIN_WORK_PER_HALF = 2_000_000;

    private static volatile long minimumWork = MIN_WORK_PER_HALF;

    /**
     * Layers whose recurrent weights are larger than this are not split but left to MKL's own
     * threads, which can give each core part of each product's weights: split by rows, each core
     * reads the whole matrix every step, more than its 512 KiB second-level cache holds (SimpleRnn(512),
     * 1 MiB, trained about 8 % slower split than on MKL's threads; LSTM(128), 256 KiB, and LSTM(200),
     * 625 KiB, 6-9 % faster split, docs/results/performance.md).
     */
    static final long MAX_SPLIT_WEIGHT_BYTES = 640 * 1024;

    private static final int NOT_SPLIT = -1;
    private static final int LARGE = -2;
    private static final ThreadLocal<Boolean> LARGE_PASS = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static volatile Helper helper;
    /** The environment variable that switches the split off when set to {@code off} (for measurements). */
    static final String ENVIRONMENT = "RNN_SUITE_ROW_SPLIT";

    private static volatile boolean enabled = !"off".equalsIgnoreCase(String.valueOf(System.getenv(ENVIRONMENT)).trim());
    /** Passes split so far (tests check that a case they mean to split was split). */
    private static final java.util.concurrent.atomic.AtomicLong SPLIT_PASSES = new java.util.concurrent.atomic.AtomicLong();

    private RowSplit() {
    }

    /**
     * Runs {@code work} over {@code rows} rows, split in two when that pays ({@link RowSplit}); a
     * failure in either half is thrown here, after both halves have stopped.
     *
     * @param workPerRow multiply-adds one row costs over the whole pass (for the size threshold)
     */
    static void run(int rows, long workPerRow, Rows work) {
        int half = rows / 2;
        if (half < 1 || workPerRow * half < minimumWork || !active() || inLargePass() || !BUSY.compareAndSet(false, true)) {
            work.run(0, rows);
            return;
        }
        try {
            SPLIT_PASSES.incrementAndGet();
            Helper h = helper();
            h.start(work, half, rows);
            Throwable mine = null;
            int previous = MklThreads.useOneLocally();
            try {
                work.run(0, half);
            } catch (Throwable t) {
                mine = t;
            } finally {
                MklThreads.restoreLocally(previous);
            }
            Throwable theirs = h.await();
            rethrow(mine != null ? mine : theirs, mine != null ? theirs : null);
        } finally {
            BUSY.set(false);
        }
    }

    /**
     * {@link #run} over two halves, rows 0 and 1, without the size threshold: for work whose caller
     * decided itself that the split pays (FastForward's split by units, with its own per-step
     * threshold). Still only when {@link #active()} and the helper is free.
     */
    static void runInTwo(Rows work) {
        run(2, Long.MAX_VALUE / 4, work);
    }

    /**
     * Whether passes split: two or more BLAS threads wanted, the BLAS is MKL and nobody switched
     * the split off.
     */
    static boolean active() {
        return enabled && BlasThreads.blasThreads() >= 2 && BlasLibrary.choose();
    }

    /**
     * Starts a layer's pass: while the split is {@link #active()}, the calling thread's MKL
     * products run on one thread whatever the process-wide setting says (the split gives the
     * second core its share). Returns what {@link #endPass} needs.
     */
    static int beginPass(long recurrentWeightBytes) {
        if (!active()) {
            return NOT_SPLIT;
        }
        if (recurrentWeightBytes > MAX_SPLIT_WEIGHT_BYTES) {
            LARGE_PASS.set(Boolean.TRUE);
            return LARGE;
        }
        return MklThreads.useOneLocally();
    }

    /** Ends a pass started by {@link #beginPass}: the calling thread's settings as before. */
    static void endPass(int begun) {
        if (begun == LARGE) {
            LARGE_PASS.set(Boolean.FALSE);
        } else if (begun >= 0) {
            MklThreads.restoreLocally(begun);
        }
    }

    /**
     * Whether the calling thread is inside the pass of a layer too large to split, which MKL's own
     * threads run ({@link #MAX_SPLIT_WEIGHT_BYTES}).
     */
    static boolean inLargePass() {
        return LARGE_PASS.get();
    }

    /** Switches the split off (and on again): for tests and measurements that compare the two. */
    static void setEnabled(boolean on) {
        enabled = on;
    }

    /** The size threshold ({@link #MIN_WORK_PER_HALF} by default): tests split small passes with 0. */
    static void setMinimumWork(long multiplyAddsPerHalf) {
        minimumWork = multiplyAddsPerHalf;
    }

    /** How many passes were split since the class loaded. */
    static long splitPasses() {
        return SPLIT_PASSES.get();
    }

    private static void rethrow(Throwable first, Throwable second) {
        if (first == null) {
            return;
        }
        if (second != null && second != first) {
            first.addSuppressed(second);
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(first);
    }

    private static Helper helper() {
        Helper h = helper;
        if (h == null) {
            synchronized (RowSplit.class) {
                h = helper;
                if (h == null) {
                    h = new Helper();
                    h.thread.start();
                    helper = h;
                }
            }
        }
        return h;
    }

    /** The helper thread: waits (parked) for a half, runs it with one MKL thread, says so. */
    private static final class Helper implements Runnable {
        /**
         * Spin this long for the other side before parking: the halves of a pass end within it of
         * each other, and a pass's next product follows within it. Waking a parked thread costs
         * tens of microseconds here.
         */
        private static final long SPIN_NANOS = 100_000;

        final Thread thread = new Thread(this, "rnn-suite-row-split");
        private volatile Rows task;
        private volatile int from;
        private volatile int to;
        private volatile boolean finished;
        private volatile Throwable failure;
        private volatile Thread waiter;

        Helper() {
            thread.setDaemon(true);
        }

        void start(Rows work, int fromRow, int toRow) {
            from = fromRow;
            to = toRow;
            failure = null;
            finished = false;
            waiter = Thread.currentThread();
            task = work;
            LockSupport.unpark(thread);
        }

        Throwable await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!finished) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return failure;
        }

        @Override
        public void run() {
            MklThreads.useOneLocally();
            long idleSince = System.nanoTime();
            while (true) {
                Rows work = task;
                if (work == null) {
                    // the next product of the same pass follows within microseconds: wait awake for it
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                    continue;
                }
                try {
                    work.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                }
                task = null;
                finished = true;
                LockSupport.unpark(waiter);
                idleSince = System.nanoTime();
            }
        }
    }

    /** MKL's per-thread thread count; only linked once {@link BlasLibrary#choose()} said MKL. */
    private static final class MklThreads {
        static int useOneLocally() {
            return org.bytedeco.mkl.global.mkl_rt.MKL_Set_Num_Threads_Local(1);
        }

        static void restoreLocally(int previous) {
            org.bytedeco.mkl.global.mkl_rt.MKL_Set_Num_Threads_Local(previous);
        }
    }
}
