package io.rnnsuite.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.forecast.model.ForecastModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app on a synthetic seasonal series: train, save, load, evaluate, predict, and the bad inputs. */
class ForecastAppTest {

    static final ForecastApp APP = new ForecastApp();

    @TempDir
    static Path tmp;
    static Path csv;
    static Path modelDir;
    static TrainRun.Outcome<ForecastConfig, ForecastModel> outcome;

    static ForecastConfig config(Path file, String target) {
        return new ForecastConfig(null, file.toString(), target, List.of(), 24, 6, 12, 0.15, 0.2, false, true,
                new RecurrentSpec(CellType.LSTM, 16, 1, false, 0), null, new TrainingConfig(40, 16, 0.01, 10, 1.0, 42, 0, 0));
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        csv = SyntheticSeries.write(tmp, "seasonal.csv", SyntheticSeries.seasonalCsv(240, 7));
        modelDir = tmp.resolve("model");
        outcome = TrainRun.run(APP, config(csv, "value"), modelDir, false, ProgressReporter.SILENT);
    }

    private static Evaluation baseline(String name) {
        return outcome.baselines().stream().filter(e -> e.model().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSmallLstmBeatsPersistenceOnASeasonalSeries() {
        double lstm = outcome.test().metric("mae");
        double persistence = baseline("persistence").metric("mae");
        assertTrue(lstm < 0.7 * persistence, "lstm MAE " + lstm + " vs persistence " + persistence);
        assertEquals(List.of("mae", "rmse", "mase", "smape"), List.copyOf(outcome.test().metrics().keySet()));
        assertEquals(List.of("persistence", "seasonal_naive", "linear_ar"), outcome.baselines().stream().map(Evaluation::model).toList());
    }

    @Test
    void writesTheSharedLayoutWithTheNormaliserAndAValidRunRecord() throws IOException {
        for (String file : List.of("model.zip", "run.json", "app-config.json", "normalizer.json", "report.md",
                "results.json", "forecast.png")) {
            assertTrue(Files.isRegularFile(modelDir.resolve(file)), file);
        }
        JsonNode run = RunRecordSchema.assertValid(modelDir.resolve("run.json"));
        assertEquals("timeseries-forecast", run.path("app").asText());
        assertEquals(Checksums.sha256(Files.readAllBytes(csv)), run.path("data").path("sha256").asText());
        assertEquals("file", run.path("data").path("source").asText());
        assertEquals(6, run.path("data").path("details").path("horizon").asInt());
        assertEquals(42, run.path("seed").asLong());
        assertTrue(run.path("metrics").has("mase") && run.path("metrics").has("smape"), run.path("metrics").toString());
        assertTrue(run.path("baselines").has("seasonal_naive"));
        assertTrue(run.path("training").path("epochs").size() > 0);
    }

    @Test
    void loadedModelScoresExactlyAsTrained() {
        var loaded = AppModels.open(APP, modelDir);
        var data = APP.load(loaded.config());
        assertEquals(outcome.test().metric("mae"), APP.evaluate(loaded.model(), data).metric("mae"), 1e-9);
        Evaluation linear = APP.baselines(loaded.config(), data).get(2);
        assertEquals(baseline("linear_ar").metric("mae"), linear.metric("mae"), 1e-12);
    }

    @Test
    void predictContinuesTheSeriesAndItsLabels() {
        ForecastModel model = AppModels.open(APP, modelDir).model();
        List<String> answers = APP.predict(model, List.of());
        assertEquals(1, answers.size());
        List<String> lines = answers.get(0).lines().toList();
        assertEquals("step,value", lines.get(0));
        assertEquals(List.of("2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06"),
                lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        for (String line : lines.subList(1, lines.size())) {
            double v = Double.parseDouble(line.split(",")[1]);
            assertTrue(v > 15 && v < 45, "plausible value " + v);
        }
        assertEquals(answers, APP.predict(model, List.of(csv.toString())), "the model's own file, named, gives the same");
        FutureForecast direct = FutureForecast.of(model, io.rnnsuite.forecast.data.SeriesCsvReader.read(csv));
        assertArrayEquals(direct.values(), lines.subList(1, lines.size()).stream()
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray(), 1e-5 * 45);
        UserInputException missing = assertThrows(UserInputException.class, () -> APP.predict(model, List.of("nope.csv")));
        assertEquals("file nope.csv does not exist", missing.getMessage());
    }

    @Test
    void modelDirectoriesThatAreMissingCorruptOrForeign() throws IOException {
        assertThrows(UserInputException.class, () -> AppModels.open(APP, tmp.resolve("missing")));

        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("run.json"), "{\"app\":\"char-lm\"}");
        Files.writeString(foreign.resolve("model.zip"), "x");
        UserInputException other = assertThrows(UserInputException.class, () -> AppModels.open(APP, foreign));
        assertTrue(other.getMessage().contains("was made by 'char-lm', not by 'timeseries-forecast'"), other.getMessage());

        Path corrupt = tmp.resolve("corrupt");
        Files.createDirectories(corrupt);
        for (String f : List.of("run.json", "app-config.json", "normalizer.json")) {
            Files.copy(modelDir.resolve(f), corrupt.resolve(f));
        }
        Files.writeString(corrupt.resolve("model.zip"), "not a zip");
        UserInputException broken = assertThrows(UserInputException.class, () -> AppModels.open(APP, corrupt));
        assertTrue(broken.getMessage().contains("model.zip is corrupt"), broken.getMessage());
    }

    @Test
    void scoringOnAChangedFileIsCaught() throws IOException {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        Path changedCsv = SyntheticSeries.write(tmp, "changed.csv", SyntheticSeries.seasonalCsv(240, 7));
        for (String f : List.of("run.json", "normalizer.json", "model.zip")) {
            Files.copy(modelDir.resolve(f), copy.resolve(f));
        }
        io.rnnsuite.common.io.Json.write(copy.resolve("app-config.json"), config(changedCsv, "value"));
        var loaded = AppModels.open(APP, copy);
        Files.writeString(changedCsv, SyntheticSeries.seasonalCsv(240, 8));
        UserInputException e = assertThrows(UserInputException.class, () -> APP.evaluate(loaded.model(), APP.load(loaded.config())));
        assertTrue(e.getMessage().contains("changed since the model was trained"), e.getMessage());
    }

    @Test
    void badInputStopsBeforeAnyTraining() throws IOException {
        Path shortCsv = SyntheticSeries.write(tmp, "short.csv", SyntheticSeries.seasonalCsv(30, 1));
        UserInputException e = assertThrows(UserInputException.class, () -> APP.load(config(shortCsv, "value")));
        assertTrue(e.getMessage().contains("has 30 rows, fewer than lookback + horizon"), e.getMessage());
        UserInputException missing = assertThrows(UserInputException.class, () -> APP.load(config(csv, "sales")));
        assertEquals(csv + ": no column 'sales' in the header (columns: value)", missing.getMessage());
    }
}
