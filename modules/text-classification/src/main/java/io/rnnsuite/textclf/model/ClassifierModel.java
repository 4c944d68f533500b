package io.rnnsuite.textclf.model;

import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.embedding.InitialEmbeddings;

/**
 * A recurrent classifier as the app passes it around: the model, and, right after training, how
 * its word vectors started and what it was trained on (both {@code null} for a loaded model).
 *
 * @param classifier     network, vocabulary, labels and configuration
 * @param embeddings     how the embedding layer was initialised, or {@code null}
 * @param truncatedTexts training + validation texts cut to the maximum length (0 when loaded)
 * @param trainedOn      the split it was trained and tested on, or {@code null}
 */
public record ClassifierModel(RecurrentTextClassifier classifier, InitialEmbeddings embeddings, int truncatedTexts,
                              DataSplit trainedOn) {

    /** A model read back from its directory. */
    public static ClassifierModel loaded(RecurrentTextClassifier classifier) {
        return new ClassifierModel(classifier, null, 0, null);
    }
}
