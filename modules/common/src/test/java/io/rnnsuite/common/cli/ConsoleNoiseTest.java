package io.rnnsuite.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleNoiseTest {

    @Test
    void dropsSameDiffChatterAndPassesEverythingElse() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream filtered = new ConsoleNoise.Filtered(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        filtered.println("table row 1");
        filtered.println("Added differentiated op multiply");
        filtered.print("partial ");
        filtered.println("line");
        filtered.print("Added differentiated op ExternalErrorsFn\n");
        filtered.print("no newline yet");
        filtered.flush();
        assertEquals("table row 1\npartial line\nno newline yet", bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
