package io.rnnsuite.textclf.embedding;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.EmbeddingMatrix;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordVectorsFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedding layer's starting weights for an {@link EmbeddingSource}: none for
 * {@link EmbeddingSource.Kind#LEARNED} (the layer's own random init), Word2Vec vectors trained on
 * the training texts, or the vectors of a user's file. Words without a vector start random and are
 * counted in {@link #report()}.
 *
 * @param source  where the vectors came from
 * @param matrix  the initial weights, {@code null} for learned embeddings
 * @param seconds time spent training or reading the vectors
 */
public record InitialEmbeddings(EmbeddingSource source, EmbeddingMatrix matrix, double seconds) {

    /**
     * Prepares the weights.
     *
     * @param trainingTexts the training split, tokenized (Word2Vec trains on these only)
     * @param dimension     the model's embedding size; a vectors file must match it
     */
    public static InitialEmbeddings prepare(EmbeddingSource source, Vocabulary vocabulary,
                                            List<List<String>> trainingTexts, int dimension, long seed,
                                            Word2VecSettings word2Vec) {
        long start = System.nanoTime();
        EmbeddingMatrix matrix = switch (source.kind()) {
            case LEARNED -> null;
            case WORD2VEC -> {
                Map<String, float[]> vectors = Word2VecTrainer.train(trainingTexts, vocabulary.tokens(), dimension,
                        seed, word2Vec);
                yield EmbeddingMatrix.build(vocabulary, dimension, vectors::get, seed);
            }
            case FILE -> {
                WordVectorsFile.WordVectors vectors = WordVectorsFile.read(Path.of(source.file()), vocabulary::contains);
                if (vectors.dimension() != dimension) {
                    throw new UserInputException("embeddings file " + source.file() + " line 1: vectors have "
                            + vectors.dimension() + " values but --embedding-size is " + dimension
                            + "; pass --embedding-size " + vectors.dimension());
                }
                yield EmbeddingMatrix.build(vocabulary, dimension, vectors::get, seed);
            }
        };
        return new InitialEmbeddings(source, matrix, (System.nanoTime() - start) / 1e9);
    }

    /** Vocabulary words that got a pretrained vector (0 for learned embeddings). */
    public int found() {
        return matrix == null ? 0 : matrix.found();
    }

    /** Vocabulary words initialised randomly because the source had no vector for them. */
    public int missing() {
        return matrix == null ? 0 : matrix.missing();
    }

    /** One line for the console, e.g. {@code embeddings: 8,123 of 9,004 vocabulary words found in FILE; 881 initialised randomly}. */
    public String report() {
        String tuning = source.frozen() ? "frozen" : "fine-tuned";
        if (matrix == null) {
            return "embeddings: learned from scratch (random start, trained with the network)";
        }
        String where = source.kind() == EmbeddingSource.Kind.FILE ? source.file()
                : String.format(Locale.ROOT, "Word2Vec trained on the training texts (%.1f s)", seconds);
        return String.format(Locale.ROOT, "embeddings: %,d of %,d vocabulary words found in %s; %,d initialised "
                + "randomly; %s", matrix.found(), matrix.words(), where, matrix.missing(), tuning);
    }

    /** What run.json records. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source.kind().name().toLowerCase(Locale.ROOT));
        map.put("file", source.file());
        map.put("frozen", source.frozen());
        map.put("vocabulary_words", matrix == null ? 0 : matrix.words());
        map.put("words_found", found());
        map.put("words_random", missing());
        map.put("seconds", seconds);
        return map;
    }
}
