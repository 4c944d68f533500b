package io.rnnsuite.common.app;

import io.rnnsuite.common.report.MarkdownTable;
import java.nio.file.Path;
import java.util.List;

/**
 * One app's part of {@code rnn-suite compare}.
 *
 * @param app     {@code forecast}, {@code classify}, ...
 * @param title   section heading
 * @param setup   one paragraph: data, settings, what the metric means
 * @param tables  titled tables, the summary first
 * @param reading a plain-language reading of the result
 * @param images  PNG plots written by the app, embedded in the page
 * @param texts   titled preformatted texts (samples, translations)
 * @param data    machine-readable results for results.json
 * @param facts   what it measured about the cells, per dataset, for the textbook table (empty: nothing)
 */
public record SectionResult(String app, String title, String setup, List<Titled<MarkdownTable>> tables, String reading,
                            List<Titled<Path>> images, List<Titled<String>> texts, Object data, List<SectionFacts> facts) {

    /** A section without cell facts. */
    public SectionResult(String app, String title, String setup, List<Titled<MarkdownTable>> tables, String reading,
                         List<Titled<Path>> images, List<Titled<String>> texts, Object data) {
        this(app, title, setup, tables, reading, images, texts, data, List.of());
    }

    /** Anything with a caption. */
    public record Titled<T>(String title, T value) {
    }
}
