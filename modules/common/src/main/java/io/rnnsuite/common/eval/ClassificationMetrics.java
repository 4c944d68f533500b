package io.rnnsuite.common.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy, macro-F1 and per-class precision / recall / F1 from a confusion matrix.
 *
 * <p>A class that is never predicted has precision 0 (not NaN), a class absent from the actual
 * labels has recall 0; macro-F1 averages F1 over every class in {@code labels}, so a model that
 * ignores a small class is penalised as much as for a large one.
 *
 * @param labels    class names, by index
 * @param confusion {@code confusion[actual][predicted]} counts
 */
public record ClassificationMetrics(List<String> labels, int[][] confusion) {

    /** Precision, recall, F1 and support (number of actual examples) of one class. */
    public record ClassScores(String label, double precision, double recall, double f1, int support) {
    }

    /**
     * Counts {@code actual[i]} against {@code predicted[i]}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or an index is out of range
     */
    public static ClassificationMetrics of(int[] actual, int[] predicted, List<String> labels) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual labels but " + predicted.length + " predictions");
        }
        int k = labels.size();
        int[][] confusion = new int[k][k];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= k || predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("class index out of range at " + i);
            }
            confusion[actual[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(List.copyOf(labels), confusion);
    }

    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        int n = total();
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    public List<ClassScores> perClass() {
        List<ClassScores> scores = new ArrayList<>(labels.size());
        for (int c = 0; c < labels.size(); c++) {
            int tp = confusion[c][c];
            int actual = 0;
            int predicted = 0;
            for (int j = 0; j < labels.size(); j++) {
                actual += confusion[c][j];
                predicted += confusion[j][c];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = actual == 0 ? 0 : (double) tp / actual;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            scores.add(new ClassScores(labels.get(c), p, r, f1, actual));
        }
        return scores;
    }

    /** Unweighted mean of the per-class F1 scores. */
    public double macroF1() {
        return perClass().stream().mapToDouble(ClassScores::f1).average().orElse(Double.NaN);
    }

    /** Headline numbers for run.json and reports. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accuracy", accuracy());
        map.put("macro_f1", macroF1());
        map.put("examples", total());
        for (ClassScores s : perClass()) {
            map.put("f1_" + s.label(), s.f1());
        }
        return map;
    }

    /** The confusion matrix as aligned text: rows actual, columns predicted. */
    public String confusionText() {
        int width = 9;
        for (String label : labels) {
            width = Math.max(width, label.length());
        }
        for (int[] row : confusion) {
            for (int c : row) {
                width = Math.max(width, Integer.toString(c).length());
            }
        }
        String cell = "%" + (width + 1) + "s";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "actual\\pred"));
        for (String label : labels) {
            sb.append(String.format(Locale.ROOT, cell, label));
        }
        sb.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s", labels.get(i)));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(String.format(Locale.ROOT, cell, confusion[i][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
