package io.rnnsuite.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.app.AppCommands;
import io.rnnsuite.common.app.toy.ToyApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Out-of-range counts and fractions are refused while parsing: one line, exit code 2, nothing trained or written. */
class RangesTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int toy(String... args) {
        CommandLine line = CliErrors.install(AppCommands.of(new ToyApp()));
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @ParameterizedTest
    @CsvSource({
        "train, --threads, -1", "compare, --threads, -1", "train, --epochs, 0", "train, --epochs, -5",
        "train, --batch-size, -1", "train, --learning-rate, 0", "train, --learning-rate, NaN",
        "train, --patience, 0", "train, --clip, -0.5", "train, --max-batches, -2", "train, --hidden, 0",
        "train, --layers, 0", "train, --dropout, 1", "train, --dropout, -0.1", "compare, --hidden, -16",
        "compare, --layers, -1", "compare, --dropout, Infinity", "compare, --epochs, 0"})
    void outOfRangeIsOneLineAtParseTime(String command, String option, String value) {
        Path out = tmp.resolve("never");
        int code = toy(command, option, value, "--output-dir", out.toString(), "--budget", "5s");
        assertEquals(2, code, err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: Invalid value for option '" + option + "'"), text);
        assertTrue(text.contains(value), text);
        assertFalse(Files.exists(out), "nothing may be written before the arguments are checked");
    }

    @Command(name = "demo")
    static final class Demo implements Runnable {
        @Option(names = "--count")
        int count;
        @Option(names = "--share")
        double share;
        @Option(names = "--sizes", split = ",")
        List<Integer> sizes;
        boolean ran;

        @Override
        public void run() {
            ran = true;
        }
    }

    @Test
    void everyWholeNumberOptionRefusesNegativesAndEveryDecimalRefusesNaN() {
        for (String[] args : List.of(new String[] {"--count", "-1"}, new String[] {"--share", "NaN"},
                new String[] {"--share", "-Infinity"}, new String[] {"--sizes", "4,-2"})) {
            Demo demo = new Demo();
            CommandLine line = CliErrors.install(new CommandLine(demo));
            StringWriter text = new StringWriter();
            line.setErr(new PrintWriter(text, true));
            assertEquals(2, line.execute(args), String.join(" ", args));
            assertFalse(demo.ran);
            assertEquals(1, text.toString().strip().lines().count(), text.toString());
        }
        Demo demo = new Demo();
        assertEquals(0, CliErrors.install(new CommandLine(demo)).execute("--count", "0", "--share", "-0.5", "--sizes", "1,2"));
        assertTrue(demo.ran);
        assertEquals(List.of(1, 2), demo.sizes);
    }

    @Test
    void convertersSayWhatIsExpected() {
        assertEquals(3, new Ranges.AtLeastOne().convert(" 3"));
        assertEquals(0, new Ranges.ZeroOrMore().convert("0"));
        assertEquals(0.25, new Ranges.Fraction().convert("0.25"));
        assertEquals(0.0, new Ranges.ZeroOrMoreNumber().convert("0"));
        assertEquals(1e-6, new Ranges.Positive().convert("1e-6"));
        assertMessage("'0' is not a count of at least 1", () -> new Ranges.AtLeastOne().convert("0"));
        assertMessage("'x' is not a whole number", () -> new Ranges.ZeroOrMore().convert("x"));
        assertMessage("'1.0' is not a fraction in [0, 1)", () -> new Ranges.Fraction().convert("1.0"));
        assertMessage("'inf' is not a number", () -> new Ranges.Positive().convert("inf"));
    }

    private static void assertMessage(String expected, Runnable call) {
        CommandLine.TypeConversionException e =
                org.junit.jupiter.api.Assertions.assertThrows(CommandLine.TypeConversionException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
