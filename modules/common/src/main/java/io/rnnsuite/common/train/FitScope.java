package io.rnnsuite.common.train;

/**
 * The {@link FitStrategy} that {@link Trainer}s created in the current thread use, for the span of
 * a try-with-resources block; outside one they fit locally.
 */
public final class FitScope implements AutoCloseable {

    private static final ThreadLocal<FitStrategy> CURRENT = new ThreadLocal<>();

    private final FitStrategy previous;
    private final Thread thread;

    private FitScope(FitStrategy previous) {
        this.previous = previous;
        this.thread = Thread.currentThread();
    }

    /** Makes {@code strategy} the current thread's until {@link #close}. */
    public static FitScope install(FitStrategy strategy) {
        FitScope scope = new FitScope(CURRENT.get());
        CURRENT.set(strategy);
        return scope;
    }

    /** The strategy installed for this thread, else {@link FitStrategy#LOCAL}. */
    public static FitStrategy current() {
        FitStrategy strategy = CURRENT.get();
        return strategy == null ? FitStrategy.LOCAL : strategy;
    }

    @Override
    public void close() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("a fit scope must be closed by the thread that opened it");
        }
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
