package io.rnnsuite.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The headline of a length sweep: for each cell, the longest length up to which it solved every
 * length tried, and the first length where it stopped solving the task.
 */
public final class SweepSummary {

    /**
     * One cell's memory horizon.
     *
     * @param cell           the cell name
     * @param solvedUpTo     longest length with every length up to it solved; 0 if even the shortest failed
     * @param firstFailure   shortest length not solved; 0 if every length was solved
     * @param longestTried   longest length in the sweep
     */
    public record Horizon(String cell, int solvedUpTo, int firstFailure, int longestTried) {

        /** One phrase: "solved every length up to T = 200" or "solved T ≤ 25, failed from T = 50". */
        public String describe() {
            if (firstFailure == 0) {
                return cell + " solved every length up to T = " + longestTried;
            }
            if (solvedUpTo == 0) {
                return cell + " solved none (failed from the shortest, T = " + firstFailure + ")";
            }
            return cell + " solved T ≤ " + solvedUpTo + " and stopped learning at T = " + firstFailure;
        }
    }

    private SweepSummary() {
    }

    /** Horizons per cell, in the order cells first appear in {@code rows}. */
    public static Map<String, Horizon> horizons(List<SweepRow> rows) {
        Map<String, List<SweepRow>> byCell = rows.stream().collect(Collectors.groupingBy(SweepRow::cell,
                LinkedHashMap::new, Collectors.toList()));
        Map<String, Horizon> horizons = new LinkedHashMap<>();
        byCell.forEach((cell, cellRows) -> {
            List<SweepRow> sorted = cellRows.stream().sorted((a, b) -> Integer.compare(a.length(), b.length())).toList();
            int solvedUpTo = 0;
            int firstFailure = 0;
            for (SweepRow row : sorted) {
                if (!row.solved()) {
                    firstFailure = row.length();
                    break;
                }
                solvedUpTo = row.length();
            }
            horizons.put(cell, new Horizon(cell, solvedUpTo, firstFailure, sorted.get(sorted.size() - 1).length()));
        });
        return horizons;
    }

    /** The headline sentence, e.g. "simple_rnn solved T ≤ 25 and stopped learning at T = 50; lstm solved ...". */
    public static String headline(List<SweepRow> rows, double budgetSeconds) {
        String cells = horizons(rows).values().stream().map(Horizon::describe).collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "%s (same budget for every run: %.0f s of training, ended early once clearly solved).",
                cells, budgetSeconds);
    }
}
