package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.forecast.ForecastResultRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the forecasting example main through its run(args). */
class ForecastExamplesTest {

    @Test
    void airPassengersExampleRunsEndToEnd(@TempDir Path tmp) {
        List<ForecastResultRow> rows = AirPassengersForecastExample.run("--quick", "--output-dir", tmp.toString());
        assertEquals(List.of("simple_rnn", "lstm", "bilstm", "persistence", "seasonal_naive", "linear_ar"),
                rows.stream().map(ForecastResultRow::name).toList());
        for (ForecastResultRow row : rows) {
            assertTrue(Double.isFinite(row.test().mae()) && row.test().mae() > 0, row.name());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("report.md")));
        assertTrue(Files.isRegularFile(tmp.resolve("forecast.png")));
    }
}
