package io.rnnsuite.common.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads {@code --budget}: {@code 90s}, {@code 10m}, {@code 1h}, {@code 1.5m}, or plain seconds;
 * {@code 0} means "none" (or the command's own default, as its help says). Anything else is a
 * parameter error: one line, exit code 2.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** Parses a duration as {@code --budget} takes it; throws {@link CommandLine.TypeConversionException} otherwise. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("ms")) {
            factor = 0.001;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            factor = 3600;
            t = t.substring(0, t.length() - 1);
        }
        double value;
        try {
            value = Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration: expected e.g. 90s, 10m or 1h");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new CommandLine.TypeConversionException("a duration must be zero or positive, got '" + text + "'");
        }
        return Duration.ofMillis(Math.round(value * factor * 1000));
    }

    /** {@code 90s}, {@code 10m}, {@code 1h30m}: how help lines and reports show a duration. */
    public static String format(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds == 0) {
            return "0";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
