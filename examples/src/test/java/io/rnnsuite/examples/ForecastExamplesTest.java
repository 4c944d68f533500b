package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.CompareRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the forecasting example main through its run(args). */
class ForecastExamplesTest {

    @Test
    void airPassengersExampleRunsEndToEnd(@TempDir Path tmp) {
        var outcome = AirPassengersForecastExample.run("--quick", "--output-dir", tmp.toString());
        assertEquals(List.of("persistence", "seasonal_naive", "linear_ar", "simple_rnn", "lstm", "bilstm"),
                outcome.rows().stream().map(CompareRun.Row::model).toList());
        for (CompareRun.Row row : outcome.rows()) {
            double mae = row.evaluation().metric("mae");
            assertTrue(Double.isFinite(mae) && mae > 0, row.model());
        }
        // the log-scale linear autoregression is a strong forecaster here: well under seasonal naive's error
        assertTrue(outcome.rows().get(2).evaluation().metric("mase") < outcome.rows().get(1).evaluation().metric("mase"));
        assertEquals(2, outcome.modelRows().get(0).training().history().size(), "--quick trains 2 epochs");
        assertTrue(Files.isRegularFile(tmp.resolve("report.md")));
        assertTrue(Files.isRegularFile(tmp.resolve("forecast.png")));
        assertTrue(Files.isRegularFile(tmp.resolve(CompareRun.CURVES_BY_UPDATES)));
    }

    @Test
    void aBadFlagIsAnErrorNotAStackTrace() {
        assertNull(AirPassengersForecastExample.run("--cells", "lstm,tree"));
        assertNull(AirPassengersForecastExample.run("--budget", "soon"));
    }
}
