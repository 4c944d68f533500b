package io.rnnsuite.forecast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.eval.ForecastMetrics;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.SeriesCsvReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static ForecastData data(int rows, IntToDoubleFunction value, int lookback, int horizon, int season, boolean relative) {
        StringBuilder csv = new StringBuilder("t,y\n");
        for (int t = 0; t < rows; t++) {
            csv.append(t).append(',').append(value.applyAsDouble(t)).append('\n');
        }
        ForecastConfig base = ForecastConfig.defaults("x");
        ForecastConfig config = new ForecastConfig(null, "m.csv", "y", List.of(), lookback, horizon, season, 0.15, 0.2,
                false, relative, base.recurrent(), null, base.training()).resolve(season, "y");
        return ForecastData.prepare(SeriesCsvReader.parse(csv.toString().getBytes(StandardCharsets.UTF_8), "m.csv"), config);
    }

    @Test
    void persistenceRepeatsTheLastValue() {
        ForecastData d = data(60, t -> t * t, 5, 3, 1, true);
        assertArrayEquals(new double[] {81, 81, 81}, new PersistenceForecaster().forecast(d, List.of(10))[0]);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        ForecastData d = data(60, t -> t, 8, 5, 4, true);
        // origin 20, season 4: steps 20..24 take 16,17,18,19, then 16 again (two seasons back)
        assertArrayEquals(new double[] {16, 17, 18, 19, 16}, new SeasonalNaiveForecaster(4).forecast(d, List.of(20))[0]);
        assertArrayEquals(new PersistenceForecaster().forecast(d, List.of(20))[0],
                new SeasonalNaiveForecaster(1).forecast(d, List.of(20))[0], "season 1 is persistence");
    }

    @Test
    void linearArIsExactOnALinearProcess() {
        for (boolean relative : new boolean[] {false, true}) {
            ForecastData d = data(120, t -> 3 + 0.5 * t, 6, 4, 1, relative);
            LinearAutoregressiveForecaster ar = LinearAutoregressiveForecaster.fit(d);
            ForecastMetrics m = ForecastEvaluation.evaluate(ar, d, d.split().testOrigins(), 1);
            assertTrue(m.mae() < 0.05, "relative=" + relative + " MAE " + m.mae() + " ridge " + ar.ridge());
        }
    }

    @Test
    void evaluationScoresEveryStepOfEveryWindow() {
        ForecastData d = data(60, t -> t, 5, 3, 1, true);
        ForecastMetrics m = ForecastEvaluation.evaluate(new PersistenceForecaster(), d, List.of(40, 50), 1);
        // persistence on y = t is off by 1, 2, 3 at the three steps; the in-sample lag-1 error is 1
        assertEquals(6, m.count());
        assertEquals(2.0, m.mae(), 1e-12);
        assertEquals(2.0, m.mase(), 1e-12);
    }
}
