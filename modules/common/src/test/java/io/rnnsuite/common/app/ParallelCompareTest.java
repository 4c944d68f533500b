package io.rnnsuite.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.app.toy.ToyApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compare section trains the same models whether they run one after another or side by side. */
class ParallelCompareTest {

    @TempDir
    Path tmp;

    private static CompareSettings settings(int parallel) {
        Variants cells = new Variants(List.of("lstm", "gru"), 8, 1, false, 0.0, RecurrentImpl.FAST);
        return new CompareSettings(true, cells, 0, 42, 2, parallel); // no time budget: 3 epochs, the same work every time
    }

    @Test
    void twoTrainingsAtOnceGiveExactlyTheMetricsOfOneAtATime() throws Exception {
        ModelCompareSection<?, ?, ?> section = new ModelCompareSection<>(new ToyApp()).keepingModels(tmp.resolve("kept"));
        SectionResult alone = section.run(settings(1), tmp.resolve("one"), SectionProgress.SILENT);
        SectionResult sideBySide = section.run(settings(2), tmp.resolve("two"), SectionProgress.SILENT);
        List<Object> metricsAlone = metrics(alone.data());
        List<Object> metricsSideBySide = metrics(sideBySide.data());
        assertTrue(metricsAlone.size() >= 2 * 2, "expected every seed's models: " + metricsAlone);
        assertEquals(metricsAlone, metricsSideBySide);
        // the first seed's models are kept, one directory per cell, whichever thread trained them
        try (Stream<Path> kept = Files.list(tmp.resolve("kept").resolve("toy"))) {
            List<String> names = kept.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("gru", "lstm"), names);
        }
        assertFalse(Files.exists(tmp.resolve("kept").resolve("toy").resolve("lstm").resolve("model.zip.tmp")));
    }

    /** Every "metrics" map anywhere in a section's data, in order. */
    private static List<Object> metrics(Object data) {
        List<Object> found = new ArrayList<>();
        collect(data, found);
        return found;
    }

    private static void collect(Object node, List<Object> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("metrics".equals(k) && v instanceof Map<?, ?>) {
                    found.add(v);
                } else {
                    collect(v, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, found));
        }
    }
}
