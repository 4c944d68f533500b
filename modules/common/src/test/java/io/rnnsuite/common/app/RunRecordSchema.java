package io.rnnsuite.common.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rnnsuite.common.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Checks a {@code run.json} against {@code docs/run-record.schema.json}, for every app's tests. */
public final class RunRecordSchema {

    private RunRecordSchema() {
    }

    /** The schema file, found from the module's directory upwards. */
    public static Path schemaFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("run-record.schema.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/run-record.schema.json not found above " + Path.of("").toAbsolutePath());
    }

    /** The validation messages for {@code runJson} (empty = valid). */
    public static Set<ValidationMessage> problems(Path runJson) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Json.MAPPER.readTree(schemaFile().toFile()));
        return schema.validate(Json.MAPPER.readTree(runJson.toFile()));
    }

    /** Fails unless {@code runJson} is valid and names its data's SHA-256. */
    public static JsonNode assertValid(Path runJson) throws IOException {
        Set<ValidationMessage> problems = problems(runJson);
        assertTrue(problems.isEmpty(), runJson + " does not match the run-record schema: " + problems);
        JsonNode record = Json.MAPPER.readTree(runJson.toFile());
        assertNotNull(record.path("data").path("sha256").textValue(), "the data's SHA-256 is never null");
        return record;
    }
}
