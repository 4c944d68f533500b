package io.rnnsuite.common.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What an app adds to its compare section beyond the shared table and learning curves: its own
 * plots (a confusion matrix, forecasts against the truth) and texts (samples, translations).
 *
 * @param images titled PNG files
 * @param texts  titled preformatted texts
 */
public record CompareExtras(List<SectionResult.Titled<Path>> images, List<SectionResult.Titled<String>> texts) {

    public static final CompareExtras NONE = new CompareExtras(List.of(), List.of());
}
