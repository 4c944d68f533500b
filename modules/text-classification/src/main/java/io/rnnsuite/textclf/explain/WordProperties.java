package io.rnnsuite.textclf.explain;

import io.rnnsuite.common.text.Vocabulary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simple properties of a tokenized text, one value per word, each the state <em>after</em> reading
 * that word: what a unit that "tracks" something would follow. Position from the start and words
 * left to the end (a backward direction reads the text from there), after a negation (from
 * {@code not}, {@code no}, {@code never}, {@code without}, a {@code n't} word ... to the next
 * punctuation mark), inside parentheses, a word the model's vocabulary does not hold, and for
 * every class with {@link ClassWords}: whether the word is one of them, and how many of them have
 * been read so far (the evidence a unit could add up).
 */
public final class WordProperties {

    public static final String POSITION = "position in the text";
    public static final String TO_THE_END = "words to the end";
    public static final String AFTER_NEGATION = "after a negation";
    public static final String INSIDE_PARENTHESES = "inside parentheses";
    public static final String UNKNOWN_WORD = "an unknown word";

    /** Words that open a negation's scope (besides any word ending in n't). */
    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nor", "neither", "none", "nothing", "nobody",
            "without", "cannot", "lacking");
    private static final Set<String> SCOPE_ENDS = Set.of(",", ";", ".", ":", "!", "?", "(", ")");

    private WordProperties() {
    }

    /** The name of "a word of class {@code label}". */
    public static String classWord(String label) {
        return "a word of class " + label;
    }

    /** The name of "words of class {@code label} so far". */
    public static String classWordsSoFar(String label) {
        return "words of class " + label + " so far";
    }

    /** The properties of {@code words}, by name, in a fixed order. */
    public static Map<String, double[]> of(List<String> words, Vocabulary vocabulary, ClassWords classWords) {
        int n = words.size();
        double[] position = new double[n];
        double[] toEnd = new double[n];
        double[] negation = new double[n];
        double[] parentheses = new double[n];
        double[] unknown = new double[n];
        boolean negated = false;
        int depth = 0;
        for (int t = 0; t < n; t++) {
            String w = words.get(t);
            if (NEGATIONS.contains(w) || w.endsWith("n't")) {
                negated = true;
            } else if (SCOPE_ENDS.contains(w)) {
                negated = false;
            }
            if (w.equals("(")) {
                depth++;
            } else if (w.equals(")") && depth > 0) {
                depth--;
            }
            position[t] = t;
            toEnd[t] = n - 1 - t;
            negation[t] = negated ? 1 : 0;
            parentheses[t] = depth > 0 ? 1 : 0;
            unknown[t] = vocabulary.contains(w) ? 0 : 1;
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put(POSITION, position);
        out.put(TO_THE_END, toEnd);
        out.put(AFTER_NEGATION, negation);
        out.put(INSIDE_PARENTHESES, parentheses);
        out.put(UNKNOWN_WORD, unknown);
        for (Map.Entry<String, List<String>> c : classWords.byClass().entrySet()) {
            Set<String> set = new HashSet<>(c.getValue());
            double[] is = new double[n];
            double[] soFar = new double[n];
            int count = 0;
            for (int t = 0; t < n; t++) {
                if (set.contains(words.get(t))) {
                    is[t] = 1;
                    count++;
                }
                soFar[t] = count;
            }
            out.put(classWord(c.getKey()), is);
            out.put(classWordsSoFar(c.getKey()), soFar);
        }
        return out;
    }

    /** Each property over several texts, one after the other (the texts' maps have the same names). */
    public static Map<String, double[]> joined(List<Map<String, double[]>> perText) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : perText.get(0).keySet()) {
            int total = perText.stream().mapToInt(p -> p.get(name).length).sum();
            double[] all = new double[total];
            int at = 0;
            for (Map<String, double[]> p : perText) {
                double[] part = p.get(name);
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            out.put(name, all);
        }
        return out;
    }
}
