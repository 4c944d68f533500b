package io.rnnsuite.common.text;

import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Initial weights of an embedding layer from pretrained vectors: one row per {@link Vocabulary}
 * index ({@code [vocabulary size, dimension]}, the layout of DL4J's embedding layers). The
 * {@link Vocabulary#PAD} row is zero. A word with a vector gets it; every other entry
 * ({@link Vocabulary#UNK}, special tokens, words the source lacks) gets seeded Gaussian values
 * with the standard deviation of the found vectors' values, so random rows are on the same scale
 * as pretrained ones.
 *
 * @param weights the matrix, float
 * @param found   vocabulary words (PAD, UNK excluded) that had a vector
 * @param missing vocabulary words (PAD, UNK excluded) initialised randomly
 */
public record EmbeddingMatrix(INDArray weights, int found, int missing) {

    /** Real words in the vocabulary (all entries but PAD and UNK). */
    public int words() {
        return found + missing;
    }

    /**
     * Builds the matrix.
     *
     * @param vocabulary the model's vocabulary
     * @param dimension  values per vector; every vector {@code lookup} returns must have this many
     * @param lookup     a token's vector, or {@code null} when the source has none
     * @param seed       seed of the random rows
     */
    public static EmbeddingMatrix build(Vocabulary vocabulary, int dimension, Function<String, float[]> lookup,
                                        long seed) {
        float[][] rows = new float[vocabulary.size()][];
        int found = 0;
        double sumSquares = 0;
        for (int i = Vocabulary.UNK_INDEX + 1; i < vocabulary.size(); i++) {
            float[] vector = lookup.apply(vocabulary.token(i));
            if (vector != null) {
                if (vector.length != dimension) {
                    throw new IllegalArgumentException("vector of '" + vocabulary.token(i) + "' has " + vector.length
                            + " values, expected " + dimension);
                }
                rows[i] = vector;
                found++;
                for (float v : vector) {
                    sumSquares += (double) v * v;
                }
            }
        }
        double scale = found > 0 ? Math.sqrt(sumSquares / ((double) found * dimension)) : 1 / Math.sqrt(dimension);
        Random random = new Random(seed);
        INDArray weights = Nd4j.zeros(DataType.FLOAT, vocabulary.size(), dimension);
        for (int i = Vocabulary.UNK_INDEX; i < rows.length; i++) {
            float[] row = rows[i];
            if (row == null) {
                row = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    row[d] = (float) (random.nextGaussian() * scale);
                }
            }
            weights.putRow(i, Nd4j.createFromArray(row));
        }
        int words = Math.max(0, vocabulary.size() - (Vocabulary.UNK_INDEX + 1));
        return new EmbeddingMatrix(weights, found, words - found);
    }
}
