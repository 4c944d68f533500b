package io.rnnsuite.lab.cli;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import java.util.ArrayList;
import java.util.List;

/** Parses the lab's list-valued flags into typed lists, with one-line errors for a user's mistakes. */
public final class LabArguments {

    private LabArguments() {
    }

    /** {@code "10,25,50"} → [10, 25, 50]; every entry a positive whole number, at least one. */
    public static List<Integer> lengths(String text) {
        List<Integer> lengths = new ArrayList<>();
        for (String part : splitList(text, "--lengths")) {
            int value;
            try {
                value = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new UserInputException("--lengths: '" + part + "' is not a whole number (expected e.g. 10,25,50)");
            }
            if (value < 2) {
                throw new UserInputException("--lengths: every length must be at least 2, got " + value);
            }
            lengths.add(value);
        }
        return lengths;
    }

    /** {@code "simple_rnn,lstm"} → the cell types, in order. */
    public static List<CellType> cells(String text) {
        return splitList(text, "--cells").stream().map(CellType::parse).toList();
    }

    private static List<String> splitList(String text, String flag) {
        List<String> parts = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        if (parts.isEmpty()) {
            throw new UserInputException(flag + " must list at least one value, got '" + (text == null ? "" : text) + "'");
        }
        return parts;
    }
}
