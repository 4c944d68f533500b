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
 * The models a server answers with: every directory under the models root, at most
 * {@value #MAX_DEPTH} levels down, that holds a finished training run ({@code run.json}) of a
 * registered app, loaded once at start through {@link AppModels#open}. A model directory's own
 * sub-directories (its checkpoint) are not searched, nor are hidden ones (a compare run's staging
 * directory). A directory that cannot be loaded (another suite's, half-written, corrupt, a link
 * pointing out of the root) is skipped with one warning line; the rest are served. Models are found
 * by name only: the directory's path under the root with {@code .} between its parts
 * ({@code air-lstm}, {@code compare.charlm.lstm}), so a request never names a path.
 */
public final class ModelCatalog {

    /** How many directory levels under the root are searched for models ({@code compare/forecast/co2/lstm} is 4). */
    public static final int MAX_DEPTH = 4;
    /** Between the parts of a nested model's name. */
    public static final String NAME_SEPARATOR = ".";

    private final Path root;
    private final Map<String, ServedModel<?, ?>> models;

    private ModelCatalog(Path root, Map<String, ServedModel<?, ?>> models) {
        this.root = root;
        this.models = models;
    }

    /** The name a server started with {@code --models root} gives the model directory {@code dir} under it. */
    public static String nameOf(Path root, Path dir) {
        Path relative = root.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join(NAME_SEPARATOR, parts);
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
        List<Path> found = new ArrayList<>();
        try {
            search(root, 1, confined, found, warnings);
        } catch (IOException e) {
            throw new UserInputException("cannot list models directory " + root + ": " + e.getMessage());
        }
        Map<String, AppModule> apps = new LinkedHashMap<>();
        for (AppModule app : Apps.all()) {
            apps.put(app.info().id(), app);
        }
        Map<String, ServedModel<?, ?>> models = new LinkedHashMap<>();
        for (Path dir : found) {
            String name = nameOf(root, dir);
            if (models.containsKey(name)) {
                warnings.accept("skipped " + dir + ": another model directory is already served as '" + name + "'");
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

    /** Adds the model directories under {@code dir} ({@code depth} levels below the root) to {@code found}, in name order. */
    private static void search(Path dir, int depth, ConfinedFiles confined, List<Path> found, Consumer<String> warnings)
            throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String name = String.valueOf(child.getFileName());
            if (!Files.isDirectory(child) || name.startsWith(".")) {
                continue;
            }
            boolean model = Files.isRegularFile(child.resolve(ModelDirectory.RUN_FILE));
            if (!ConfinedFiles.safeName(name) || !confined.contains(child)) {
                if (model) {
                    warnings.accept("skipped " + child + ": it lies outside " + confined.root() + " (a symbolic link?)");
                }
                continue; // nothing under a link out of the root is searched either
            }
            if (model) {
                found.add(child);
            } else if (depth < MAX_DEPTH) {
                search(child, depth + 1, confined, found, warnings);
            }
        }
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
