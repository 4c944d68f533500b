package io.rnnsuite.common.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new content, never
 * half of it: the writer fills a temporary file beside the target, which is then renamed over it.
 * A crash (even kill -9) leaves at most a stray {@code .tmp} file. The temporary file is created
 * the way any new file is (no permissions of its own), so the result gets the permissions the
 * user's umask gives a normal write, not the owner-only ones of {@link Files#createTempFile}.
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
        Path tmp = newTemporaryFile(dir, "." + target.getFileName());
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

    /** A new empty file {@code PREFIX.RANDOM.tmp} in {@code dir}, with the default permissions of a new file. */
    static Path newTemporaryFile(Path dir, String prefix) throws IOException {
        while (true) {
            Path candidate = dir.resolve(prefix + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // another writer drew the same name: draw again
            }
        }
    }
}
