package io.rnnsuite.lab;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output directory before a long run, so a bad path fails in a second, not after an hour. */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /** Creates {@code dir} if needed and proves it writable; a user error otherwise. */
    public static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new UserInputException("cannot write to output directory " + dir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
