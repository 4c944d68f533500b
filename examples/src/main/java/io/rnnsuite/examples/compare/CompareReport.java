package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.CompareSettings;

import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the page, the markdown summary and the JSON after every finished app. Each file is
 * replaced atomically, and the three are written under one lock that the Ctrl-C hook takes
 * too, so an interrupt never leaves them describing different sets of apps.
 */
final class CompareReport {
    /** How long the Ctrl-C hook waits for a report being written to be complete. */
    private static final long INTERRUPT_WAIT_SECONDS = 30;

    private final Path dir;
    private final CompareSettings settings;
    private final List<SectionResult> results = new ArrayList<>();
    private final Map<String, CompareHtml.Kept> kept = new LinkedHashMap<>();
    private final ReentrantLock writing = new ReentrantLock();

    CompareReport(Path dir, CompareSettings settings) {
        this.dir = dir;
        this.settings = settings;
    }

    /**
     * Adds a finished app and rewrites the three files.
     *
     * @param howToServe  how to use its kept models (one paragraph), or {@code null} when none are kept
     * @param keptModels  its kept models
     */
    void add(SectionResult result, String howToServe, List<KeptModels.Model> keptModels, double elapsedSeconds) {
        writing.lock();
        try {
            List<SectionResult> all = new ArrayList<>(results);
            all.add(result);
            Map<String, CompareHtml.Kept> allKept = new LinkedHashMap<>(kept);
            if (howToServe != null) {
                allKept.put(result.app(), new CompareHtml.Kept(howToServe, keptModels));
            }
            CompareHtml.write(dir.resolve("index.html"), all, allKept, settings, elapsedSeconds);
            AtomicFiles.writeString(dir.resolve("summary.md"), CompareHtml.markdown(all, allKept, settings, elapsedSeconds));
            Json.write(dir.resolve("results.json"), json(all, allKept, settings, elapsedSeconds, dir));
            results.add(result);
            kept.clear();
            kept.putAll(allKept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison report into " + dir, e);
        } finally {
            writing.unlock();
        }
    }

    static Map<String, Object> json(List<SectionResult> results, Map<String, CompareHtml.Kept> kept, CompareSettings settings,
                                    double elapsedSeconds, Path dir) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("createdAt", Instant.now().toString());
        json.put("quick", settings.quick());
        json.put("secondsPerModel", settings.secondsPerModel());
        json.put("trainingsAtOnce", settings.parallel());
        json.put("elapsedSeconds", elapsedSeconds);
        Map<String, Object> apps = new LinkedHashMap<>();
        results.forEach(r -> apps.put(r.app(), r.data()));
        json.put("apps", apps);
        Map<String, Object> models = new LinkedHashMap<>();
        kept.forEach((app, k) -> models.put(app, k.models().stream().map(m -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model", m.label());
            entry.put("dir", m.dir().toString());
            entry.put("served_as", m.served());
            entry.put("explain", m.explain() == null ? null : KeptModels.relative(dir, m.explain()));
            return entry;
        }).toList()));
        json.put("keptModels", models);
        return json;
    }

    /**
     * The Ctrl-C message: waits for a report being written, then keeps the lock so that no
     * later one starts before the JVM halts, and says which apps' results are on disk.
     */
    void interrupted(PrintStream err) {
        boolean locked = false;
        try {
            locked = writing.tryLock(INTERRUPT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path where = dir.toAbsolutePath();
        if (!locked) {
            err.println("\ninterrupted while writing the report in " + where + "; it may hold the previous app's state");
            err.flush();
            return;
        }
        List<String> finished = results.stream().map(SectionResult::app).toList();
        if (finished.isEmpty()) {
            err.println("\ninterrupted before the first app finished: nothing kept in " + where);
        } else {
            err.println("\ninterrupted: finished parts (" + String.join(", ", finished) + ") are in " + where
                    + " (index.html, summary.md, results.json)");
        }
        err.flush();
    }

    String console(SectionResult result) {
        StringBuilder sb = new StringBuilder("\n== " + result.title() + "\n");
        var first = result.tables().get(0);
        sb.append(first.title()).append('\n').append(first.value().toText()).append(result.reading()).append('\n');
        return sb.toString();
    }
}
