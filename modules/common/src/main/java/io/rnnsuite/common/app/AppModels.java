package io.rnnsuite.common.app;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.ModelDirectory;
import java.io.UncheckedIOException;
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

    /**
     * Opens {@code dir}, checking that {@code app} made it, and loads config and model. A damaged
     * file (a truncated model.zip, a config that does not describe a valid run) is a user error
     * naming the directory: what is in it came from a file, not from the program.
     */
    public static <C, D, M> Loaded<C, M> open(RnnApp<C, D, M> app, Path dir) {
        ModelDirectory directory = ModelDirectory.open(dir, app.info().id());
        C config;
        try {
            config = directory.readConfig(app.configType());
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(dir, ModelDirectory.CONFIG_FILE, e);
        }
        try {
            return new Loaded<>(config, app.load(config, directory), directory);
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(dir, ModelDirectory.MODEL_FILE + " or a side file", e);
        }
    }

    private static UserInputException damaged(Path dir, String what, Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage().replace('\n', ' ');
        return new UserInputException("model directory " + dir + ": cannot load " + what + " (" + detail
                + "); the directory is damaged: train again, or continue with train --resume", e);
    }
}
