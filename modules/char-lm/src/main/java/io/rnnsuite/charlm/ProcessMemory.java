package io.rnnsuite.charlm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak resident memory, which covers ND4J's off-heap buffers as well as the Java
 * heap. Read from {@code /proc/self/status} (Linux); empty elsewhere.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static OptionalLong peakResidentBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
