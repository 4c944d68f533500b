package io.rnnsuite.common.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.report.ConfusionMatrixChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics against values worked out by hand. */
class ClassificationMetricsTest {

    // actual:    a a a a b b c c c c
    // predicted: a a b c b a c c c a
    private final ClassificationMetrics metrics = ClassificationMetrics.of(
            new int[] {0, 0, 0, 0, 1, 1, 2, 2, 2, 2}, new int[] {0, 0, 1, 2, 1, 0, 2, 2, 2, 0}, List.of("a", "b", "c"));

    @Test
    void accuracyAndConfusion() {
        assertEquals(0.6, metrics.accuracy(), 1e-12);
        assertEquals(List.of(List.of(2, 1, 1), List.of(1, 1, 0), List.of(1, 0, 3)),
                java.util.Arrays.stream(metrics.confusion()).map(r -> java.util.Arrays.stream(r).boxed().toList()).toList());
    }

    @Test
    void perClassAndMacroF1() {
        // a: P = 2/4, R = 2/4, F1 = 0.5; b: P = 1/2, R = 1/2, F1 = 0.5; c: P = 3/4, R = 3/4, F1 = 0.75
        var s = metrics.perClass();
        assertEquals(0.5, s.get(0).precision(), 1e-12);
        assertEquals(0.5, s.get(1).recall(), 1e-12);
        assertEquals(0.75, s.get(2).f1(), 1e-12);
        assertEquals(4, s.get(2).support());
        assertEquals((0.5 + 0.5 + 0.75) / 3, metrics.macroF1(), 1e-12);
    }

    @Test
    void neverPredictedClassScoresZeroNotNaN() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 1}, new int[] {0, 0}, List.of("x", "y"));
        assertEquals(0.0, m.perClass().get(1).precision());
        assertEquals(0.0, m.perClass().get(1).f1());
        assertEquals((2.0 / 3) / 2, m.macroF1(), 1e-12);
    }

    @Test
    void textAndPng(@TempDir Path dir) throws IOException {
        assertTrue(metrics.confusionText().lines().count() == 4);
        Path png = dir.resolve("c.png");
        ConfusionMatrixChart.write(metrics, "test", png);
        assertTrue(Files.size(png) > 100);
    }
}
