package io.rnnsuite.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.lab.data.CopyMemoryTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny runs of the sweep and the gradient lab through to their report files. */
class LabEndToEndTest {

    @Test
    void copySweepWritesTablePlotAndJson(@TempDir Path tmp) throws Exception {
        LabConfig config = new LabConfig(List.of(3, 6), List.of(CellType.SIMPLE_RNN, CellType.LSTM),
                4, 8, 0.01, 1.0, 5, 10, 5, 16, 16, 0.1, 1L);
        CopyMemoryTask task = new CopyMemoryTask();
        List<SweepRow> rows = LengthSweep.run(task, config, null);
        assertEquals(4, rows.size());
        for (SweepRow row : rows) {
            assertTrue(Double.isFinite(row.testLoss()) && row.testLoss() > 0, row.toString());
            assertTrue(row.updates() > 0 && row.updates() <= 10, row.toString());
        }
        Path report = SweepReport.write(task, config, rows, tmp);
        assertTrue(Files.readString(report).contains("10 · ln 8 / (T + 20)"));
        assertTrue(Files.size(tmp.resolve(SweepReport.PLOT_FILE)) > 1000);
        JsonNode json = Json.MAPPER.readTree(tmp.resolve(SweepReport.RESULTS_FILE).toFile());
        assertEquals(4, json.get("rows").size());
        assertEquals("copy", json.get("task").asText());
    }

    @Test
    void sweepRunsSideBySideGiveTheRowsOfOneAtATime() {
        LabConfig config = new LabConfig(List.of(3, 6), List.of(CellType.SIMPLE_RNN, CellType.GRU),
                4, 8, 0.01, 1.0, 5, 10, 5, 16, 16, 0.1, 1L);
        CopyMemoryTask task = new CopyMemoryTask();
        List<String> alone = LengthSweep.run(task, config, null, 1).stream().map(LabEndToEndTest::outcome).toList();
        List<String> sideBySide = LengthSweep.run(task, config, null, 2).stream().map(LabEndToEndTest::outcome).toList();
        assertEquals(4, alone.size());
        assertEquals(alone, sideBySide);
    }

    /** What a sweep run learned, its timing aside. */
    private static String outcome(SweepRow row) {
        return row.cell() + " T=" + row.length() + " test " + row.testLoss() + " updates " + row.updates() + " solved at "
                + row.stepsToSolve();
    }

    @Test
    void gradientLabWritesBothPlots(@TempDir Path tmp) throws Exception {
        GradientLabConfig config = new GradientLabConfig(12, 4, 8, 5, 5, 0.01, 3.0, 10, 0.05, 10, 1.0, 1L);
        GradientLab.Result result = GradientLab.run(config, null);
        assertEquals(6, result.profiles().size()); // simple_rnn, lstm, gru × at initialisation, after training
        assertEquals(12, result.profiles().get(0).norms().length);
        assertEquals(2, result.exploding().size());
        GradientReport.write(result, tmp);
        assertTrue(Files.size(tmp.resolve(GradientReport.NORMS_PLOT)) > 1000);
        assertTrue(Files.size(tmp.resolve(GradientReport.EXPLODING_PLOT)) > 1000);
        assertTrue(Files.readString(tmp.resolve(GradientReport.REPORT_FILE)).contains("ratio first/last"));
    }
}
