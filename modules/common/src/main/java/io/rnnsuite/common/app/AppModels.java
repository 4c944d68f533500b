package io.rnnsuite.common.app;

import io.rnnsuite.common.io.ModelDirectory;
import java.nio.file.Path;

/** Opens any app's model directory: one loader, with {@link ModelDirectory}'s one-line errors. */
public final class AppModels {

    /**
     * A loaded model.
     *
     * @param config    the configuration it was trained with ({@code app-config.json})
     * @param model     the app's model
     * @param directory where it was read from
     */
    public record Loaded<C, M>(C config, M model, ModelDirectory directory) {
    }

    private AppModels() {
    }

    /** Opens {@code dir}, checking that {@code app} made it, and loads config and model. */
    public static <C, D, M> Loaded<C, M> open(RnnApp<C, D, M> app, Path dir) {
        ModelDirectory directory = ModelDirectory.open(dir, app.info().id());
        C config = directory.readConfig(app.configType());
        return new Loaded<>(config, app.load(config, directory), directory);
    }
}
