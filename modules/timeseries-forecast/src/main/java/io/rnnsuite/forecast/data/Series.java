package io.rnnsuite.forecast.data;

import io.rnnsuite.common.UserInputException;
import java.util.List;

/**
 * A table of numeric columns over time, as read from a CSV file.
 *
 * @param source      where it came from (dataset name or file path), for messages and run.json
 * @param sha256      SHA-256 of the bytes it was read from
 * @param timeColumn  name of the first column (month, step, date...)
 * @param timeLabels  that column's values, one per row
 * @param columnNames the numeric columns, in file order
 * @param values      {@code values[column][row]}
 */
public record Series(String source, String sha256, String timeColumn, List<String> timeLabels,
                     List<String> columnNames, double[][] values) {

    public int length() {
        return timeLabels.size();
    }

    /** Index of a numeric column, or a user error naming the columns that exist. */
    public int columnIndex(String name) {
        int index = columnNames.indexOf(name);
        if (index < 0) {
            throw new UserInputException(source + ": no column '" + name + "' in the header (columns: "
                    + String.join(", ", columnNames) + ")");
        }
        return index;
    }

    public double[] column(String name) {
        return values[columnIndex(name)];
    }
}
