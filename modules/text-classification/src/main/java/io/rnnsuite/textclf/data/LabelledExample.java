package io.rnnsuite.textclf.data;

/**
 * One labelled text and where it came from, so errors can point at it.
 *
 * @param text  the text (not blank)
 * @param label its class name
 * @param where {@code file:line} for the user's files, {@code dataset#n} for bundled corpora
 */
public record LabelledExample(String text, String label, String where) {
}
