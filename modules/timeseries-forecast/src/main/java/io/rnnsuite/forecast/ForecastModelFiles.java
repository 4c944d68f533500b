package io.rnnsuite.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.forecast.data.Normalizer;
import io.rnnsuite.forecast.data.SeriesSource;
import io.rnnsuite.forecast.model.ForecastModel;
import io.rnnsuite.forecast.model.RecurrentForecaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * What a forecasting model directory holds beside the shared layout: {@code normalizer.json}
 * (needed to forecast) and {@code forecast.png}; and the check that {@code --resume} continues
 * the run it claims to.
 */
final class ForecastModelFiles {

    static final String NORMALIZER_FILE = "normalizer.json";

    private ForecastModelFiles() {
    }

    /**
     * Before training into {@code outputDir}: a fresh run records its settings (the train run
     * rewrites the same file at the end); a resumed run must name the same series, windows and
     * network as the run it continues, or it would silently train on something else.
     */
    static void beginTraining(Path outputDir, ForecastConfig requested, boolean resume) {
        Path file = outputDir.resolve(ModelDirectory.CONFIG_FILE);
        try {
            if (!resume) {
                Json.write(file, requested);
            } else if (Files.isRegularFile(file)) {
                ForecastConfig earlier = Json.read(file, ForecastConfig.class);
                if (!earlier.withTraining(ForecastConfig.DEFAULT_TRAINING).equals(requested.withTraining(ForecastConfig.DEFAULT_TRAINING))) {
                    throw new UserInputException("cannot resume: " + outputDir + " was trained on other settings ("
                            + earlier.describe() + "); give the same data and network flags as that run, with --resume");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + outputDir, e);
        }
    }

    /** Writes the normaliser. */
    static void save(ForecastModel model, ModelDirectory dir) throws IOException {
        Json.write(dir.file(NORMALIZER_FILE), model.normalizer());
    }

    /** Reads a model that the trainer and {@link #save} wrote. */
    static ForecastModel load(ForecastConfig config, ModelDirectory dir) {
        ForecastConfig resolved = SeriesSource.resolve(config);
        Normalizer normalizer = dir.readJson(NORMALIZER_FILE, Normalizer.class);
        String sha256 = dir.readJson(ModelDirectory.RUN_FILE, JsonNode.class).path("data").path("sha256").asText("");
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(dir.modelFile().toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + dir.dir() + ": " + ModelDirectory.MODEL_FILE
                    + " is corrupt or not a DL4J network (" + e.getClass().getSimpleName() + ")");
        }
        return new ForecastModel(resolved, normalizer, new RecurrentForecaster(resolved.recurrent().label(), net), sha256);
    }
}
