package io.rnnsuite.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Labels for future steps, continuing the series' own time column where its format is known. */
final class TimeLabels {

    private TimeLabels() {
    }

    /**
     * The {@code count} labels after the last one: months ({@code 1960-12} → {@code 1961-01}),
     * integer steps, ISO dates (stepping by the last interval), or {@code +1, +2, ...} otherwise.
     */
    static List<String> after(List<String> labels, int count) {
        String last = labels.get(labels.size() - 1);
        List<String> out = new ArrayList<>(count);
        try {
            YearMonth month = YearMonth.parse(last);
            for (int k = 1; k <= count; k++) {
                out.add(month.plusMonths(k).toString());
            }
            return out;
        } catch (DateTimeParseException ignored) {
            // not a month
        }
        try {
            long step = Long.parseLong(last);
            for (int k = 1; k <= count; k++) {
                out.add(Long.toString(step + k));
            }
            return out;
        } catch (NumberFormatException ignored) {
            // not a step number
        }
        try {
            LocalDate date = LocalDate.parse(last);
            long days = labels.size() > 1 ? ChronoUnit.DAYS.between(LocalDate.parse(labels.get(labels.size() - 2)), date) : 1;
            for (int k = 1; k <= count; k++) {
                out.add(date.plusDays(days * k).toString());
            }
            return out;
        } catch (DateTimeParseException ignored) {
            // not a date
        }
        for (int k = 1; k <= count; k++) {
            out.add(last + " +" + k);
        }
        return out;
    }
}
