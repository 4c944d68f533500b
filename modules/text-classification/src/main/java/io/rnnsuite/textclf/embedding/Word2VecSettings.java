package io.rnnsuite.textclf.embedding;

/**
 * How {@code --embeddings word2vec} trains DL4J Word2Vec (skip-gram, hierarchical softmax) on the
 * training texts; the vector size is the model's embedding size and the seed the training seed.
 *
 * @param epochs       passes over the training texts (default 5: seconds on the bundled data)
 * @param windowSize   context words either side (default 5)
 * @param learningRate starting learning rate, decaying linearly (default 0.025, Word2Vec's usual)
 * @param workers      threads; 1 (default) keeps the result reproducible for a seed
 */
public record Word2VecSettings(int epochs, int windowSize, double learningRate, int workers) {

    public static Word2VecSettings defaults() {
        return new Word2VecSettings(5, 5, 0.025, 1);
    }
}
