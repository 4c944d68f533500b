package io.rnnsuite.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.StopReason;
import io.rnnsuite.common.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-run progress bar's ETA and text, and its plain one-line-per-model mode; no terminal involved. */
class CompareProgressTest {

    @Test
    void etaIsTheUnfinishedBudgetLessWhatTheRunningModelUsed() {
        assertEquals(120, CompareProgress.etaSeconds(120, 20, 0), 1e-9, "nothing started: the whole budget");
        assertEquals(105, CompareProgress.etaSeconds(120, 20, 15), 1e-9);
        assertEquals(100, CompareProgress.etaSeconds(120, 20, 45), 1e-9, "an overrunning model costs at most its budget");
        assertEquals(0, CompareProgress.etaSeconds(0, 20, 3), 1e-9, "all done");
        assertEquals(30, CompareProgress.etaSeconds(30, 20, -1), 1e-9, "clock skew reads as 0");
    }

    @Test
    void lineShowsModelsBarElapsedAndEta() {
        assertEquals("models 3/12 [#####...............] 0:40 elapsed, ETA 1:40  forecast co2 lstm",
                CompareProgress.line(3, 12, 40, 100, "forecast co2 lstm"));
        assertEquals("models 0/4 [....................] 0:00 elapsed, ETA 1:00:05",
                CompareProgress.line(0, 4, 0, 3605, ""));
        assertTrue(CompareProgress.line(5, 5, 61, 0, null).startsWith("models 5/5 [####################] 1:01 elapsed, ETA 0:00"));
        assertTrue(CompareProgress.line(0, 0, 1, 0, "lab").contains("[####################]"), "no models: a full bar");
    }

    @Test
    void withoutATerminalEveryFinishedModelIsOnePlainLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CompareProgress progress = new CompareProgress(out, false, 3, 10, 30, 1);
        progress.sectionStarted("forecast", 2, 0);
        ProgressReporter reporter = progress.reporter("forecast co2", List.of("simple_rnn", "lstm"));
        for (int model = 0; model < 2; model++) {
            reporter.epochStarted(1, 5, 4);
            reporter.batchFinished(1, 0.5);
            reporter.epochFinished(new EpochStats(1, 0.5, 0.4, 0.1, true), 5, 0.4);
            reporter.message("stopped (time budget) after 1 epochs");
            reporter.trainingFinished(new TrainingResult(List.of(new EpochStats(1, 0.5, 0.4, 0.1, true)), 1, 0.4,
                    StopReason.TIME_BUDGET, "", 0.1, 8));
        }
        progress.sectionFinished(2, 0);
        progress.println(out, "a table");
        assertEquals(0.2, progress.trainingSecondsUsed(), 1e-9, "training seconds of both models, what the budget is charged");

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("models 1/3 [#######.............] 0:00 elapsed, ETA 0:50  "), lines.get(0));
        assertTrue(lines.get(0).endsWith("forecast co2 simple_rnn: time budget after 1 epochs"), lines.get(0));
        assertTrue(lines.get(1).startsWith("models 2/3 "), lines.get(1));
        assertTrue(lines.get(1).endsWith("forecast co2 lstm: time budget after 1 epochs"), lines.get(1));
        assertEquals("a table", lines.get(2));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"), "no carriage returns in a log");
    }

    @Test
    void logLinesPassThroughWhole() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompareProgress progress = new CompareProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0, 10, 30, 1);
        PrintStream log = progress.lines("  lab ");
        log.printf("adding T=%d done%n", 10);
        log.println("second");
        assertEquals(List.of("  lab adding T=10 done", "  lab second"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
