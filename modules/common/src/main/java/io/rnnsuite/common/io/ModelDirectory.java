package io.rnnsuite.common.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved model, laid out the same way by every app, each file written atomically:
 * <pre>
 * DIR/model.zip        the network (the best epoch)
 * DIR/app-config.json  the app's configuration, which loading reads back
 * DIR/run.json         provenance ({@link RunRecord}), written last: a directory without it is unfinished
 * DIR/report.md        the test metrics beside the baselines
 * DIR/results.json     the same numbers for programs
 * DIR/checkpoint/      the last epoch with its optimiser state, for --resume
 * DIR/...              the app's side files (vocabulary.json, normalizer.json, plots)
 * </pre>
 */
public final class ModelDirectory {

    public static final String MODEL_FILE = "model.zip";
    public static final String RUN_FILE = "run.json";
    public static final String CONFIG_FILE = "app-config.json";
    public static final String REPORT_FILE = "report.md";
    public static final String RESULTS_FILE = "results.json";
    public static final String CHECKPOINT_DIR = "checkpoint";

    private final Path dir;

    private ModelDirectory(Path dir) {
        this.dir = dir;
    }

    /** A directory to write a model into (created if needed). */
    public static ModelDirectory create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output directory " + dir + ": " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new UserInputException("output directory " + dir + " is not writable");
        }
        return new ModelDirectory(dir);
    }

    /**
     * Opens a directory written by {@code expectedApp}, checking that it holds a model and a
     * readable run.json made by that app.
     *
     * @throws UserInputException if the directory is missing, incomplete, corrupt or another app's
     */
    public static ModelDirectory open(Path dir, String expectedApp) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("model directory " + dir + " does not exist (expected the --output-dir of a '"
                    + expectedApp + "' training run)");
        }
        Path run = dir.resolve(RUN_FILE);
        Path model = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(run) || !Files.isRegularFile(model)) {
            throw new UserInputException("model directory " + dir + " has no " + MODEL_FILE + " and " + RUN_FILE
                    + " (is it the output of a finished training run?)");
        }
        String app;
        try {
            JsonNode node = Json.MAPPER.readTree(run.toFile());
            app = node.path("app").asText("");
        } catch (IOException e) {
            throw new UserInputException("model directory " + dir + ": " + RUN_FILE + " is not valid JSON");
        }
        if (!expectedApp.equals(app)) {
            throw new UserInputException("model directory " + dir + " was made by '" + (app.isEmpty() ? "unknown" : app)
                    + "', not by '" + expectedApp + "'");
        }
        return new ModelDirectory(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path modelFile() {
        return dir.resolve(MODEL_FILE);
    }

    public Path runFile() {
        return dir.resolve(RUN_FILE);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes run.json atomically. */
    public void writeRunRecord(RunRecord record) throws IOException {
        Json.write(runFile(), record);
    }

    /** Writes the app's configuration ({@value #CONFIG_FILE}) atomically. */
    public void writeConfig(Object config) throws IOException {
        Json.write(file(CONFIG_FILE), config);
    }

    /** Reads the app's configuration back as {@code type}. */
    public <T> T readConfig(Class<T> type) {
        return readJson(CONFIG_FILE, type);
    }

    /** Reads the run record. */
    public RunRecord readRunRecord() {
        return readJson(RUN_FILE, RunRecord.class);
    }

    /** Reads a JSON side file (normaliser, vocabulary, config) as {@code type}. */
    public <T> T readJson(String name, Class<T> type) {
        Path file = dir.resolve(name);
        try {
            return Json.read(file, type);
        } catch (IOException e) {
            throw new UserInputException("model directory " + dir + ": cannot read " + name + " (" + e.getMessage() + ")");
        }
    }
}
