package io.rnnsuite.forecast.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.SyntheticSeries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastDataTest {

    private static ForecastConfig config(boolean log, boolean relative) {
        ForecastConfig base = ForecastConfig.defaults("x");
        return new ForecastConfig(null, "mem.csv", "value", List.of(), 12, 6, 12, 0.15, 0.2, log, relative,
                base.recurrent(), null, base.training()).resolve(12, "value");
    }

    private static Series series(String csv) {
        return SeriesCsvReader.parse(csv.getBytes(StandardCharsets.UTF_8), "mem.csv");
    }

    @Test
    void normaliserSeesOnlyTrainingRows() {
        String csv = SyntheticSeries.seasonalCsv(120, 1);
        ForecastData data = ForecastData.prepare(series(csv), config(false, true));
        // change every value after the training part: the normaliser must not move
        String[] lines = csv.split("\n");
        StringBuilder changed = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            changed.append(i - 1 < data.split().trainEnd() ? lines[i] : lines[i].split(",")[0] + ",1000").append('\n');
        }
        ForecastData other = ForecastData.prepare(series(changed.toString()), config(false, true));
        assertArrayEquals(data.normalizer().means(), other.normalizer().means(), 0);
        assertArrayEquals(data.normalizer().stds(), other.normalizer().stds(), 0);
        double[] train = java.util.Arrays.copyOf(data.target(), data.split().trainEnd());
        double mean = java.util.Arrays.stream(train).average().orElseThrow();
        assertEquals(mean, data.normalizer().means()[0], 1e-9);
    }

    @Test
    void modelSpaceRoundTripsToActualValues() {
        for (boolean log : new boolean[] {false, true}) {
            for (boolean relative : new boolean[] {false, true}) {
                ForecastData data = ForecastData.prepare(series(SyntheticSeries.seasonalCsv(120, 2)), config(log, relative));
                int origin = data.split().testOrigins().get(3);
                assertArrayEquals(data.actual(origin), data.toTargetScale(origin, data.modelTargets(origin)), 1e-9);
                assertArrayEquals(new long[] {2, 1, 12}, data.features(List.of(origin, origin + 1)).shape());
                assertArrayEquals(new long[] {2, 6}, data.labels(List.of(origin, origin + 1)).shape());
            }
        }
    }

    @Test
    void relativeInputsEndAtZero() {
        ForecastData data = ForecastData.prepare(series(SyntheticSeries.seasonalCsv(120, 3)), config(false, true));
        double[][] window = data.inputWindow(50);
        assertEquals(0.0, window[0][11], 1e-12, "the last observed value is the reference");
        assertEquals((float) window[0][3], data.features(List.of(50)).getFloat(0, 0, 3), 1e-6);
    }

    @Test
    void logNeedsPositiveValues() {
        String csv = SyntheticSeries.seasonalCsv(120, 4).replaceFirst("\n2000-03,[0-9.]+", "\n2000-03,-1");
        UserInputException e = assertThrows(UserInputException.class, () -> ForecastData.prepare(series(csv), config(true, true)));
        assertEquals("mem.csv, line 4, column 'value': --log needs positive values, got -1.0", e.getMessage());
    }

    @Test
    void multivariateInputsStackColumnsTargetFirst() {
        StringBuilder csv = new StringBuilder("t,a,b\n");
        for (int i = 0; i < 80; i++) {
            csv.append(i).append(',').append(i).append(',').append(2 * i).append('\n');
        }
        ForecastConfig base = ForecastConfig.defaults("x");
        ForecastConfig config = new ForecastConfig(null, "m.csv", "b", List.of("a"), 8, 4, 1, 0.15, 0.2, false, false,
                base.recurrent(), null, base.training()).resolve(1, "b");
        ForecastData data = ForecastData.prepare(series(csv.toString()), config);
        assertArrayEquals(new String[] {"b", "a"}, data.columns());
        assertArrayEquals(new long[] {1, 2, 8}, data.features(List.of(20)).shape());
        UserInputException e = assertThrows(UserInputException.class, () -> ForecastData.prepare(series(csv.toString()),
                new ForecastConfig(null, "m.csv", "c", List.of(), 8, 4, 1, 0.15, 0.2, false, false, base.recurrent(), null,
                        base.training()).resolve(1, "c")));
        assertEquals("mem.csv: no column 'c' in the header (columns: a, b)", e.getMessage());
    }
}
