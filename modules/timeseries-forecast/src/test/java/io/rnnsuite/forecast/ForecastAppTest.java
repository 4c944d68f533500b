package io.rnnsuite.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a synthetic seasonal series: train, save, load, evaluate, predict, and the bad inputs. */
class ForecastAppTest {

    @TempDir
    static Path tmp;
    static Path csv;
    static Path modelDir;
    static ForecastApp.TrainOutcome outcome;

    static ForecastConfig config(CellType cell) {
        return new ForecastConfig(null, csv.toString(), "value", List.of(), 24, 6, 12, 0.15, 0.2, false, true,
                new RecurrentSpec(cell, 16, 1, false, 0), null, new TrainingConfig(40, 16, 0.01, 10, 1.0, 42, 0, 0));
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        csv = SyntheticSeries.write(tmp, "seasonal.csv", SyntheticSeries.seasonalCsv(240, 7));
        modelDir = tmp.resolve("model");
        outcome = ForecastApp.train(config(CellType.LSTM), modelDir, false, ProgressReporter.SILENT);
    }

    private static ForecastResultRow row(List<ForecastResultRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSmallLstmBeatsPersistenceOnASeasonalSeries() {
        double lstm = row(outcome.rows(), "lstm").test().mae();
        double persistence = row(outcome.rows(), "persistence").test().mae();
        assertTrue(lstm < 0.7 * persistence, "lstm MAE " + lstm + " vs persistence " + persistence);
    }

    @Test
    void savesModelProvenanceAndReport() throws IOException {
        for (String file : List.of("model.zip", "run.json", "forecast-config.json", "normalizer.json", "report.md",
                "forecast.png", "learning-curves.png", "results.json")) {
            assertTrue(Files.isRegularFile(modelDir.resolve(file)), file);
        }
        var run = Json.MAPPER.readTree(modelDir.resolve("run.json").toFile());
        assertEquals("timeseries-forecast", run.path("app").asText());
        assertEquals(64, run.path("datasetSha256").asText().length());
        assertEquals(42, run.path("seed").asLong());
        assertTrue(run.path("metrics").has("test.lstm"));
        assertTrue(run.path("training").path("epochs").size() > 0);
    }

    @Test
    void loadedModelPredictsExactlyAsTrained() {
        List<ForecastResultRow> evaluated = ForecastApp.evaluate(modelDir);
        assertEquals(row(outcome.rows(), "lstm").test().mae(), row(evaluated, "lstm").test().mae(), 1e-9);
        assertEquals(row(outcome.rows(), "linear_ar").test().mae(), row(evaluated, "linear_ar").test().mae(), 1e-12);
    }

    @Test
    void predictContinuesTheSeriesAndItsLabels() {
        ForecastApp.Prediction prediction = ForecastApp.predict(modelDir, null);
        assertEquals(6, prediction.values().length);
        assertEquals(List.of("2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06"), prediction.timeLabels());
        for (double v : prediction.values()) {
            assertTrue(v > 15 && v < 45, "plausible value " + v);
        }
        ForecastApp.Prediction again = ForecastApp.predict(modelDir, csv);
        assertArrayEquals(prediction.values(), again.values(), 0);
    }

    @Test
    void resumeOfAFinishedRunKeepsItsResult() {
        ForecastApp.TrainOutcome resumed = ForecastApp.train(config(CellType.LSTM), modelDir.resolveSibling("resumed"), false,
                ProgressReporter.SILENT);
        // a second directory trained the same way gives the same numbers (seeded, repeatable on CPU)
        assertEquals(row(outcome.rows(), "lstm").test().mae(), row(resumed.rows(), "lstm").test().mae(), 1e-9);
        UserInputException e = assertThrows(UserInputException.class,
                () -> ForecastApp.train(config(CellType.LSTM), tmp.resolve("never-trained"), true, ProgressReporter.SILENT));
        assertTrue(e.getMessage().startsWith("cannot resume: "), e.getMessage());
    }

    @Test
    void modelDirectoriesThatAreMissingCorruptOrForeign() throws IOException {
        assertThrows(UserInputException.class, () -> ForecastApp.load(tmp.resolve("missing")));

        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("run.json"), "{\"app\":\"char-lm\"}");
        Files.writeString(foreign.resolve("model.zip"), "x");
        UserInputException other = assertThrows(UserInputException.class, () -> ForecastApp.load(foreign));
        assertTrue(other.getMessage().contains("was made by 'char-lm', not by 'timeseries-forecast'"), other.getMessage());

        Path corrupt = tmp.resolve("corrupt");
        Files.createDirectories(corrupt);
        for (String f : List.of("run.json", "forecast-config.json", "normalizer.json")) {
            Files.copy(modelDir.resolve(f), corrupt.resolve(f));
        }
        Files.writeString(corrupt.resolve("model.zip"), "not a zip");
        UserInputException broken = assertThrows(UserInputException.class, () -> ForecastApp.load(corrupt));
        assertTrue(broken.getMessage().contains("model.zip is corrupt"), broken.getMessage());
    }

    @Test
    void badInputLeavesNoOutputBehind() throws IOException {
        Path shortCsv = SyntheticSeries.write(tmp, "short.csv", SyntheticSeries.seasonalCsv(30, 1));
        ForecastConfig c = config(CellType.SIMPLE_RNN);
        ForecastConfig shortConfig = new ForecastConfig(null, shortCsv.toString(), "value", List.of(), 24, 6, 12, 0.15, 0.2,
                false, true, c.recurrent(), null, c.training());
        Path out = tmp.resolve("not-written");
        UserInputException e = assertThrows(UserInputException.class,
                () -> ForecastApp.train(shortConfig, out, false, ProgressReporter.SILENT));
        assertTrue(e.getMessage().contains("has 30 rows, fewer than lookback + horizon"), e.getMessage());
        assertFalse(Files.exists(out));

        ForecastConfig noColumn = new ForecastConfig(null, csv.toString(), "sales", List.of(), 24, 6, 12, 0.15, 0.2,
                false, true, c.recurrent(), null, c.training());
        UserInputException missing = assertThrows(UserInputException.class,
                () -> ForecastApp.train(noColumn, out, false, ProgressReporter.SILENT));
        assertEquals(csv + ": no column 'sales' in the header (columns: value)", missing.getMessage());
        assertFalse(Files.exists(out));
    }
}
