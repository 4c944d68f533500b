package io.rnnsuite.textclf.baseline;

import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.textclf.model.Classifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * The strong simple baseline: a text as a bag of its words (TF-IDF weighted or raw counts, L2
 * normalised) → a linear softmax classifier trained by seeded SGD with a small L2 penalty. Word
 * order is ignored, so whatever a recurrent model gains over this comes from order and context.
 * Uses the same vocabulary (training split only) as the recurrent model.
 */
public final class BagOfWordsClassifier implements Classifier {

    /**
     * How to fit.
     *
     * @param tfIdf        weight counts by inverse document frequency (else raw counts)
     * @param epochs       passes over the training texts (default 10)
     * @param learningRate SGD step (default 0.5; features are L2-normalised)
     * @param l2           weight decay per step (default 1e-6)
     * @param seed         shuffling seed
     */
    public record Settings(boolean tfIdf, int epochs, double learningRate, double l2, long seed) {
        public static Settings defaults(long seed) {
            return new Settings(true, 10, 0.5, 1e-6, seed);
        }
    }

    /** A sparse, normalised feature vector. */
    private record Features(int[] index, double[] value) {
    }

    private final WordTokenizer tokenizer = new WordTokenizer();
    private final List<String> labels;
    private final Vocabulary vocabulary;
    private final Settings settings;
    private final double[] idf;
    private final double[][] weights;
    private final double[] bias;

    private BagOfWordsClassifier(List<String> labels, Vocabulary vocabulary, Settings settings, double[] idf) {
        this.labels = List.copyOf(labels);
        this.vocabulary = vocabulary;
        this.settings = settings;
        this.idf = idf;
        this.weights = new double[labels.size()][vocabulary.size()];
        this.bias = new double[labels.size()];
    }

    /** Fits on the training texts and their label indices. */
    public static BagOfWordsClassifier fit(List<String> texts, int[] labelIndices, List<String> labels,
                                           Vocabulary vocabulary, Settings settings) {
        WordTokenizer tokenizer = new WordTokenizer();
        double[] idf = new double[vocabulary.size()];
        java.util.Arrays.fill(idf, 1.0);
        if (settings.tfIdf()) {
            int[] documentFrequency = new int[vocabulary.size()];
            for (String text : texts) {
                for (int index : new java.util.TreeSet<>(box(vocabulary.encode(tokenizer.tokenize(text))))) {
                    documentFrequency[index]++;
                }
            }
            for (int i = 0; i < idf.length; i++) {
                idf[i] = Math.log((1.0 + texts.size()) / (1.0 + documentFrequency[i])) + 1.0;
            }
        }
        BagOfWordsClassifier model = new BagOfWordsClassifier(labels, vocabulary, settings, idf);
        List<Integer> order = new ArrayList<>();
        List<Features> features = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            features.add(model.features(texts.get(i)));
            order.add(i);
        }
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            double rate = settings.learningRate() / (1 + epoch);
            for (int i : order) {
                model.step(features.get(i), labelIndices[i], rate);
            }
        }
        return model;
    }

    private static List<Integer> box(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    private Features features(String text) {
        TreeMap<Integer, Double> counts = new TreeMap<>();
        for (int index : vocabulary.encode(tokenizer.tokenize(text))) {
            counts.merge(index, 1.0, Double::sum);
        }
        int[] index = new int[counts.size()];
        double[] value = new double[counts.size()];
        double norm = 0;
        int k = 0;
        for (var e : counts.entrySet()) {
            index[k] = e.getKey();
            value[k] = e.getValue() * idf[e.getKey()];
            norm += value[k] * value[k];
            k++;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < value.length && norm > 0; i++) {
            value[i] /= norm;
        }
        return new Features(index, value);
    }

    private double[] softmax(Features x) {
        double[] z = bias.clone();
        for (int c = 0; c < z.length; c++) {
            for (int k = 0; k < x.index().length; k++) {
                z[c] += weights[c][x.index()[k]] * x.value()[k];
            }
        }
        double max = java.util.Arrays.stream(z).max().orElse(0);
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }

    private void step(Features x, int label, double rate) {
        double[] p = softmax(x);
        for (int c = 0; c < p.length; c++) {
            double gradient = p[c] - (c == label ? 1 : 0);
            bias[c] -= rate * gradient;
            for (int k = 0; k < x.index().length; k++) {
                int j = x.index()[k];
                weights[c][j] -= rate * (gradient * x.value()[k] + settings.l2() * weights[c][j]);
            }
        }
    }

    @Override
    public String name() {
        return settings.tfIdf() ? "bow-tfidf" : "bow-counts";
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public double[][] probabilities(List<String> texts) {
        double[][] out = new double[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = softmax(features(texts.get(i)));
        }
        return out;
    }
}
