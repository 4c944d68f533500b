package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every count-like option of every {@code rnn-suite} command refuses an out-of-range value while the
 * command line is parsed: nothing loads, trains or writes first.
 */
class OptionRangesTest {

    /** Whole-number and decimal types: counts, sizes, shares, rates. */
    private static final Set<Class<?>> NUMERIC = Set.of(int.class, Integer.class, long.class, Long.class, double.class,
            Double.class);

    @Test
    void everyNumericOptionOfEveryCommandRefusesMinusOneWhileParsing() {
        List<String> checked = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        walk(RnnSuiteCommand.newCommandLine(), checked, accepted);
        assertTrue(checked.size() >= 60, "found " + checked.size() + " numeric options: " + checked);
        assertTrue(checked.contains("rnn-suite compare --threads") && checked.contains("rnn-suite charlm sample --top-k")
                && checked.contains("rnn-suite translate train --beam"), checked.toString());
        assertEquals(List.of(), accepted, "numeric options that took -1");
    }

    private static void walk(CommandLine line, List<String> checked, List<String> accepted) {
        for (OptionSpec option : line.getCommandSpec().options()) {
            Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
            if (!NUMERIC.contains(type) || option.longestName().equals("--seed")) {
                continue; // seeds are any number
            }
            String where = line.getCommandSpec().qualifiedName() + " " + option.longestName();
            checked.add(where);
            try {
                line.parseArgs(option.longestName(), "-1");
                accepted.add(where);
            } catch (CommandLine.ParameterException e) {
                if (!e.getMessage().contains(option.longestName()) || e.getMessage().startsWith("Missing required")) {
                    fail(where + ": refused for another reason: " + e.getMessage());
                }
            }
        }
        line.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, checked, accepted));
    }

    @Test
    void compareWithNegativeThreadsIsOneLineBeforeAnythingRuns(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine line = RnnSuiteCommand.newCommandLine();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        Path report = tmp.resolve("report");
        long start = System.nanoTime();
        assertEquals(2, line.execute("compare", "--threads", "-1", "--output-dir", report.toString()));
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "refused at once");
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: Invalid value for option '--threads': '-1' is negative"), text);
        assertFalse(Files.exists(report));
    }
}
