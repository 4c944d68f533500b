package io.rnnsuite.textclf.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * Trains DL4J {@link Word2Vec} on already-tokenized texts and returns the vectors of the words
 * asked for. The texts are joined with single spaces and split again on whitespace by DL4J's
 * default tokenizer, so Word2Vec sees exactly the tokens of {@link io.rnnsuite.common.text.WordTokenizer}.
 */
public final class Word2VecTrainer {

    private Word2VecTrainer() {
    }

    /**
     * @param tokenizedTexts the training texts, tokenized (never validation or test texts)
     * @param words          the words whose vectors are wanted (the vocabulary)
     * @param dimension      vector size
     * @param seed           seed of the initial vectors and sampling
     * @return word → vector for every wanted word Word2Vec kept
     */
    public static Map<String, float[]> train(List<List<String>> tokenizedTexts, List<String> words, int dimension,
                                             long seed, Word2VecSettings settings) {
        List<String> sentences = tokenizedTexts.stream().filter(t -> !t.isEmpty())
                .map(t -> String.join(" ", t)).toList();
        Word2Vec word2Vec = new Word2Vec.Builder()
                .iterate(new CollectionSentenceIterator(sentences))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .layerSize(dimension)
                .windowSize(settings.windowSize())
                .epochs(settings.epochs())
                .iterations(1)
                .learningRate(settings.learningRate())
                .minWordFrequency(1)
                .workers(settings.workers())
                .seed(seed)
                .build();
        word2Vec.fit();
        Map<String, float[]> vectors = new HashMap<>();
        for (String word : words) {
            if (word2Vec.hasWord(word)) {
                vectors.put(word, word2Vec.getWordVectorMatrix(word).toFloatVector());
            }
        }
        return vectors;
    }
}
