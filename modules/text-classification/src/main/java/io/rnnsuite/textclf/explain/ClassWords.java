package io.rnnsuite.textclf.explain;

import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.textclf.data.LabelledExample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words each class is known by in the training split: per class, the words whose texts most
 * often carry that label compared with how common the label is. A word {@code w} seen in
 * {@code n_w} training texts, {@code n_cw} of them of class {@code c}, scores
 * {@code ((n_cw + 1) / (n_w + C)) / (N_c / N)} (add-one smoothing over the {@code C} classes,
 * divided by the class's share of the {@code N} texts); only words of the model's vocabulary seen
 * in at least {@value #MIN_TEXTS} texts, letters or digits, count.
 *
 * @param byClass per class label, its words, highest score first
 */
public record ClassWords(Map<String, List<String>> byClass) {

    /** Words kept per class. */
    public static final int PER_CLASS = 20;
    /** Least number of training texts a word must appear in. */
    public static final int MIN_TEXTS = 5;

    /** No class words (the training texts could not be read). */
    public static ClassWords none() {
        return new ClassWords(Map.of());
    }

    /** The words of every class of {@code labels} in {@code train}. */
    public static ClassWords of(List<LabelledExample> train, List<String> labels, Vocabulary vocabulary) {
        WordTokenizer tokenizer = new WordTokenizer();
        Map<String, int[]> perWord = new HashMap<>();
        int[] perClass = new int[labels.size()];
        for (LabelledExample example : train) {
            int c = labels.indexOf(example.label());
            if (c < 0) {
                continue;
            }
            perClass[c]++;
            Set<String> seen = new HashSet<>(tokenizer.tokenize(example.text()));
            for (String word : seen) {
                if (vocabulary.contains(word) && Character.isLetterOrDigit(word.codePointAt(0))) {
                    perWord.computeIfAbsent(word, k -> new int[labels.size()])[c]++;
                }
            }
        }
        int texts = 0;
        for (int n : perClass) {
            texts += n;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            if (perClass[c] == 0) {
                out.put(labels.get(c), List.of());
                continue;
            }
            double share = perClass[c] / (double) texts;
            List<Map.Entry<String, Double>> scored = new ArrayList<>();
            for (Map.Entry<String, int[]> e : perWord.entrySet()) {
                int total = 0;
                for (int k = 0; k < labels.size(); k++) {
                    total += e.getValue()[k];
                }
                if (total >= MIN_TEXTS) {
                    scored.add(Map.entry(e.getKey(), (e.getValue()[c] + 1.0) / (total + labels.size()) / share));
                }
            }
            scored.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey));
            List<String> words = new ArrayList<>();
            for (Map.Entry<String, Double> e : scored) {
                if (words.size() == PER_CLASS || e.getValue() <= 1) {
                    break; // a score of 1 or less: no more typical of the class than of the rest
                }
                words.add(e.getKey());
            }
            out.put(labels.get(c), List.copyOf(words));
        }
        return new ClassWords(out);
    }
}
