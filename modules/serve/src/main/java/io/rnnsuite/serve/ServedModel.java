package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.RnnApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One loaded model directory. DL4J networks keep per-call state (layer inputs, recurrent state,
 * masks), so every use of the model goes through {@link #use}: one request at a time, the others
 * waiting at most the configured time (then 503, never a corrupted answer).
 *
 * @param <C> the app's configuration
 * @param <M> the app's model
 */
public final class ServedModel<C, M> {

    /** Work done while holding a model. */
    @FunctionalInterface
    public interface Use<M, T> {
        T apply(M model) throws Exception;
    }

    private final String name;
    private final RnnApp<C, ?, M> app;
    private final AppModels.Loaded<C, M> loaded;
    private final JsonNode runRecord;
    private final ReentrantLock lock = new ReentrantLock(true);

    ServedModel(String name, RnnApp<C, ?, M> app, AppModels.Loaded<C, M> loaded, JsonNode runRecord) {
        this.name = name;
        this.app = app;
        this.loaded = loaded;
        this.runRecord = runRecord;
    }

    public String name() {
        return name;
    }

    public RnnApp<C, ?, M> app() {
        return app;
    }

    public C config() {
        return loaded.config();
    }

    public Path directory() {
        return loaded.directory().dir();
    }

    /** {@code run.json} as read. */
    public JsonNode runRecord() {
        return runRecord;
    }

    /** Reads a part of the model that never changes after loading (vocabulary, labels), without the lock. */
    public <T> T read(java.util.function.Function<M, T> part) {
        return part.apply(loaded.model());
    }

    /** Runs {@code use} on the model under its lock, waiting at most {@code wait} for it. */
    public <T> T use(Duration wait, Use<M, T> use) throws Exception {
        if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new HttpError(503, "model '" + name + "' is busy with other requests (waited " + wait.toSeconds()
                    + " s); try again");
        }
        try {
            return use.apply(loaded.model());
        } finally {
            lock.unlock();
        }
    }
}
