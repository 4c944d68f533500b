package io.rnnsuite.common.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

    @Test
    void matchesHandComputedValues() {
        double[] actual = {10, 20, 30, 40};
        double[] predicted = {12, 18, 33, 40};
        // errors: -2, 2, -3, 0 → MAE 7/4, RMSE sqrt(17/4)
        // sMAPE terms: 200*2/22, 200*2/38, 200*3/63, 0
        ForecastMetrics m = ForecastMetrics.of(actual, predicted, 3.5);
        assertEquals(1.75, m.mae(), 1e-12);
        assertEquals(Math.sqrt(17.0 / 4), m.rmse(), 1e-12);
        assertEquals(0.5, m.mase(), 1e-12);
        assertEquals((400.0 / 22 + 400.0 / 38 + 600.0 / 63) / 4, m.smape(), 1e-9);
        assertEquals(4, m.count());
    }

    @Test
    void seasonalNaiveScaleIsTheInSampleSeasonalError() {
        double[] train = {1, 2, 3, 5, 4, 6};
        // season 2: |3-1|, |5-2|, |4-3|, |6-5| = 2,3,1,1 → 7/4
        assertEquals(1.75, ForecastMetrics.seasonalNaiveScale(train, 2), 1e-12);
        // season 1: 1,1,2,1,2 → 7/5
        assertEquals(1.4, ForecastMetrics.seasonalNaiveScale(train, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ForecastMetrics.seasonalNaiveScale(train, 6));
    }

    @Test
    void zerosAndDegenerateScales() {
        ForecastMetrics m = ForecastMetrics.of(new double[] {0, 0}, new double[] {0, 1}, 0);
        assertEquals(100.0, m.smape(), 1e-12, "0/0 counts as 0, |0-1|/(0+1) as 200");
        assertTrue(Double.isNaN(m.mase()));
        assertThrows(IllegalArgumentException.class, () -> ForecastMetrics.of(new double[] {1}, new double[] {1, 2}, 1));
    }
}
