package io.rnnsuite.datasets;

/**
 * One labelled text of a classification corpus.
 *
 * @param text  the text (never blank)
 * @param label its class name
 */
public record LabelledText(String text, String label) {
}
