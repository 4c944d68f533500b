package io.rnnsuite.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writtenFilesGetThePermissionsOfANormalWrite() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path normal = Files.writeString(dir.resolve("normal.txt"), "plain write");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "atomic write");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(normal);
        assertEquals(expected, Files.getPosixFilePermissions(atomic), "the umask decides, as for any new file");
        AtomicFiles.writeString(atomic, "replaced");
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
        Path json = dir.resolve("run.json");
        Json.write(json, List.of(1, 2));
        assertEquals(expected, Files.getPosixFilePermissions(json));
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.txt");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
