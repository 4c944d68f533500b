package io.rnnsuite.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    @Test
    void readsTheBudgetSyntaxEveryCommandShares() {
        assertEquals(Duration.ofSeconds(90), DurationConverter.parse("90s"));
        assertEquals(Duration.ofMinutes(10), DurationConverter.parse("10m"));
        assertEquals(Duration.ofHours(1), DurationConverter.parse("1h"));
        assertEquals(Duration.ofSeconds(90), DurationConverter.parse("1.5m"));
        assertEquals(Duration.ofSeconds(45), DurationConverter.parse("45"));
        assertEquals(Duration.ZERO, DurationConverter.parse("0"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("ten minutes"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("-5m"));
        assertEquals("90s", DurationConverter.format(Duration.ofSeconds(90)));
        assertEquals("10m", DurationConverter.format(Duration.ofMinutes(10)));
    }
}
