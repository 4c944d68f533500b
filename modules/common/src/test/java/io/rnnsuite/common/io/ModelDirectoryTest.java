package io.rnnsuite.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    private static RunRecord record(String app) {
        return new RunRecord(RunRecord.SCHEMA_VERSION, app, "0.1.0", "2026-01-01T00:00:00Z", Map.of("k", 1), null, 42,
                new RunRecord.DataRecord("data", "file", "ab".repeat(32), Map.of()), Versions.current(),
                Map.of("mae", 1.5), Map.of(), Map.of("training", 2.0),
                new RunRecord.TrainingSummary("max_epochs", 1, List.of(), 3.0, 10, 10),
                new RunRecord.MachineRecord(2, "cpu", "os", "java"));
    }

    @Test
    void opensOnlyCompleteDirectoriesOfTheRightApp(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("m");
        ModelDirectory written = ModelDirectory.create(dir);
        written.writeRunRecord(record("timeseries-forecast"));
        UserInputException noModel = assertThrows(UserInputException.class, () -> ModelDirectory.open(dir, "timeseries-forecast"));
        assertTrue(noModel.getMessage().contains("has no model.zip"), noModel.getMessage());

        Files.writeString(dir.resolve("model.zip"), "x");
        assertEquals(dir, ModelDirectory.open(dir, "timeseries-forecast").dir());
        UserInputException other = assertThrows(UserInputException.class, () -> ModelDirectory.open(dir, "char-lm"));
        assertEquals("model directory " + dir + " was made by 'timeseries-forecast', not by 'char-lm'", other.getMessage());

        UserInputException missing = assertThrows(UserInputException.class, () -> ModelDirectory.open(tmp.resolve("nope"), "char-lm"));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        Files.writeString(dir.resolve("run.json"), "{not json");
        UserInputException corrupt = assertThrows(UserInputException.class, () -> ModelDirectory.open(dir, "timeseries-forecast"));
        assertTrue(corrupt.getMessage().contains("not valid JSON"), corrupt.getMessage());
    }

    @Test
    void runRecordRoundTripsThroughJson(@TempDir Path tmp) throws IOException {
        ModelDirectory dir = ModelDirectory.create(tmp);
        dir.writeRunRecord(record("x"));
        String json = Files.readString(dir.runFile());
        assertTrue(json.contains("\"app\" : \"x\""), json);
        assertTrue(json.contains("\"deeplearning4j\""), json);
        assertEquals("x", Json.MAPPER.readTree(json).path("app").asText());
    }

    @Test
    void atomicWriteLeavesTheOldFileWhenTheWriterFails(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("model.zip");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, file -> {
            Files.writeString(file, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
