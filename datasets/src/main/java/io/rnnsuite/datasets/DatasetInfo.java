package io.rnnsuite.datasets;

/**
 * One registry entry.
 *
 * @param name        the name users type ({@code --dataset airpassengers})
 * @param kind        which app it feeds
 * @param description one line on what it is
 * @param licence     licence of the source
 * @param origin      where the figures / text come from, and how they reach the build
 * @param resource    class-path resource holding the data ({@code null} when generated in code)
 * @param sha256      SHA-256 of the resource bytes, checked on every load ({@code null} when generated)
 * @param series      forecasting hints for {@link DatasetKind#TIME_SERIES}, else {@code null}
 */
public record DatasetInfo(String name, DatasetKind kind, String description, String licence, String origin,
                          String resource, String sha256, SeriesHints series) {
}
