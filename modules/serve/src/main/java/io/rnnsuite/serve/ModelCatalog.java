package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.AppModule;
import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.app.RnnApp;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The models a server answers with: every directory directly under the models root that holds a
 * finished training run ({@code run.json}) of a registered app, loaded once at start through
 * {@link AppModels#open}. A directory that cannot be loaded (another suite's, half-written,
 * corrupt, a link pointing out of the root) is skipped with one warning line; the rest are served.
 * Models are found by their directory name only, so a request cannot name a path.
 */
public final class ModelCatalog {

    private final Path root;
    private final Map<String, ServedModel<?, ?>> models;

    private ModelCatalog(Path root, Map<String, ServedModel<?, ?>> models) {
        this.root = root;
        this.models = models;
    }

    /**
     * Loads every model directory under {@code root}.
     *
     * @param warnings receives one line per directory skipped
     * @throws UserInputException if {@code root} is not a directory
     */
    public static ModelCatalog load(Path root, Consumer<String> warnings) {
        if (!Files.isDirectory(root)) {
            throw new UserInputException("models directory " + root + " does not exist (expected a directory holding the "
                    + "--output-dir of APP train runs, e.g. models/air-lstm)");
        }
        ConfinedFiles confined = new ConfinedFiles(root);
        List<Path> children;
        try (Stream<Path> list = Files.list(root)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list models directory " + root + ": " + e.getMessage());
        }
        Map<String, AppModule> apps = new LinkedHashMap<>();
        for (AppModule app : Apps.all()) {
            apps.put(app.info().id(), app);
        }
        Map<String, ServedModel<?, ?>> models = new LinkedHashMap<>();
        for (Path dir : children) {
            String name = String.valueOf(dir.getFileName());
            if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve(ModelDirectory.RUN_FILE))) {
                continue;
            }
            if (!ConfinedFiles.safeName(name) || !confined.contains(dir)) {
                warnings.accept("skipped " + dir + ": it lies outside " + root + " (a symbolic link?)");
                continue;
            }
            try {
                JsonNode run = Json.MAPPER.readTree(dir.resolve(ModelDirectory.RUN_FILE).toFile());
                String id = run.path("app").asText("");
                AppModule app = apps.get(id);
                if (!(app instanceof RnnApp<?, ?, ?> modelApp)) {
                    warnings.accept("skipped " + dir + ": made by '" + id + "', which is not an app with saved models here");
                    continue;
                }
                models.put(name, open(name, modelApp, dir, run));
            } catch (IOException e) {
                warnings.accept("skipped " + dir + ": run.json is not valid JSON");
            } catch (UserInputException e) {
                warnings.accept("skipped " + e.getMessage());
            } catch (RuntimeException e) {
                warnings.accept("skipped " + dir + ": cannot load it (" + e + ")");
            }
        }
        return new ModelCatalog(root, models);
    }

    private static <C, D, M> ServedModel<C, M> open(String name, RnnApp<C, D, M> app, Path dir, JsonNode run) {
        return new ServedModel<>(name, app, AppModels.open(app, dir), run);
    }

    public Path root() {
        return root;
    }

    public Collection<ServedModel<?, ?>> all() {
        return models.values();
    }

    public Optional<ServedModel<?, ?>> named(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The model called {@code name}, or a 404. */
    ServedModel<?, ?> require(String name) {
        return named(name).orElseThrow(() -> HttpError.notFound("no model named '" + name + "' (GET /api/models lists them)"));
    }

    public List<String> names() {
        return new ArrayList<>(models.keySet());
    }
}
