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
 */
public record SectionResult(String app, String title, String setup, List<Titled<MarkdownTable>> tables, String reading,
                            List<Titled<Path>> images, List<Titled<String>> texts, Object data) {

    /** Anything with a caption. */
    public record Titled<T>(String title, T value) {
    }
}
