package io.rnnsuite.common.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the complete new content, never
 * half of it: the writer fills a temporary file beside the target, which is then renamed over it.
 * A crash (even kill -9) leaves at most a stray {@code .tmp} file.
 */
public final class AtomicFiles {

    /** Something that writes a complete file at the path it is given. */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, FileWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            writer.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }
}
