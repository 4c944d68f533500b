package io.rnnsuite.common.app;

import java.util.Map;

/**
 * What a run was trained and tested on, for the run record and the reports.
 *
 * @param name    the bundled dataset's name or the user's file
 * @param source  {@code bundled}, {@code file} or {@code generated}
 * @param sha256  SHA-256 of the data's bytes (required: a run record always names what it was made from)
 * @param details sizes and counts by snake_case key (examples per split, vocabulary size, ...)
 */
public record DataSummary(String name, String source, String sha256, Map<String, Object> details) {

    public DataSummary {
        if (name == null || source == null || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a data summary needs a name, a source and a SHA-256, got "
                    + name + " / " + source + " / " + sha256);
        }
        details = details == null ? Map.of() : details;
    }
}
