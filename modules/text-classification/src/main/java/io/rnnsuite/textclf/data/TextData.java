package io.rnnsuite.textclf.data;

/**
 * Labelled texts as the app trains on them: the split and the SHA-256 of what it was read from.
 *
 * @param split  train / validation / test and the class names
 * @param sha256 SHA-256 of the source's bytes (see {@link TextSource#sha256()})
 */
public record TextData(DataSplit split, String sha256) {
}
