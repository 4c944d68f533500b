package io.rnnsuite.datasets;

/** Which app a dataset feeds. */
public enum DatasetKind {
    /** Numeric series for timeseries-forecast. */
    TIME_SERIES,
    /** Labelled texts for text-classification. */
    TEXT_CLASSIFICATION,
    /** Running text for char-lm. */
    CHARACTER_CORPUS,
    /** Sentence pairs for seq2seq-translation. */
    TRANSLATION_PAIRS,
    /** Spoken words and digit strings for speech-recognition (generated or installed, never bundled). */
    SPOKEN_AUDIO
}
