package io.rnnsuite.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.SyntheticSeries;
import io.rnnsuite.forecast.data.PreparedSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test MAE by forecast step: one bucket per step, and the steps average to the overall MAE. */
class MaeByStepTest {

    private static final int HORIZON = 6;

    @TempDir
    Path dir;

    /** {@code value = 10 + t}, monthly: persistence is off by exactly s at step s. */
    private ForecastConfig onAStraightLine() throws IOException {
        StringBuilder csv = new StringBuilder("month,value\n");
        for (int t = 0; t < 200; t++) {
            csv.append(String.format(Locale.ROOT, "%d-%02d,%d%n", 2000 + t / 12, t % 12 + 1, 10 + t));
        }
        return new ForecastConfig(null, SyntheticSeries.write(dir, "line.csv", csv.toString()).toString(), "value",
                List.of(), 24, HORIZON, 12, 0.15, 0.2, false, true, new RecurrentSpec(CellType.GRU, 8, 1, false, 0), null,
                new TrainingConfig(3, 16, 0.01, 10, 1.0, 42, 0, 0));
    }

    @Test
    void persistenceOnAStraightLineIsOffByTheStepNumber() throws IOException {
        PreparedSeries prepared = new ForecastApp().load(onAStraightLine());
        LengthBreakdown breakdown = MaeByStep.onTest(new PersistenceForecaster(), prepared.data());
        assertEquals(HORIZON, breakdown.buckets().size());
        for (int s = 1; s <= HORIZON; s++) {
            LengthBreakdown.Bucket b = breakdown.buckets().get(s - 1);
            assertEquals(String.valueOf(s), b.label());
            assertEquals(s, b.x());
            assertEquals(s, b.value(), 1e-9);
            assertEquals(prepared.data().split().testOrigins().size(), b.count());
        }
    }

    @Test
    void theTrainedModelsStepsAverageToItsTestMae() throws IOException {
        ForecastApp app = new ForecastApp();
        ForecastConfig config = onAStraightLine();
        PreparedSeries prepared = app.load(config);
        ForecastModel model = app.train(config, prepared, TrainContext.inMemory(null)).model();

        LengthBreakdown breakdown = app.byLength(model, prepared);
        assertEquals("mae", breakdown.metric());
        assertTrue(breakdown.lowerIsBetter());
        assertEquals(HORIZON, breakdown.buckets().size());
        int windows = prepared.data().split().testOrigins().size();
        double sum = 0;
        int values = 0;
        for (int s = 0; s < HORIZON; s++) {
            LengthBreakdown.Bucket b = breakdown.buckets().get(s);
            assertEquals(s + 1, b.x(), "one bucket per step, in step order");
            assertEquals(windows, b.count());
            assertTrue(Double.isFinite(b.value()) && b.value() >= 0, b.toString());
            sum += b.value();
            values += b.count();
        }
        assertEquals(windows * HORIZON, values, "every forecast value of every test window counted once");
        assertEquals(app.evaluate(model, prepared).metric("mae"), sum / HORIZON, 1e-9);
    }
}
