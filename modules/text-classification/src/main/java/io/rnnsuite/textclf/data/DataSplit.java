package io.rnnsuite.textclf.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.report.MarkdownTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Training, validation and test examples, and the class names (sorted, so indices are stable).
 *
 * @param labels     class names; a label's index is its position
 * @param train      fits the model and builds the vocabulary
 * @param validation picks the best epoch (early stopping)
 * @param test       reported once, at the end
 */
public record DataSplit(List<String> labels, List<LabelledExample> train, List<LabelledExample> validation,
                        List<LabelledExample> test) {

    /**
     * A stratified, seeded split: each class is shuffled on its own and cut in the same
     * proportions, so small classes appear in every part. A class with fewer than three examples
     * goes entirely to training (it cannot be in all three parts).
     *
     * @throws UserInputException if there are fewer than two classes
     */
    public static DataSplit stratified(List<LabelledExample> all, double validationFraction, double testFraction,
                                       long seed) {
        Map<String, List<LabelledExample>> byLabel = new TreeMap<>();
        for (LabelledExample e : all) {
            byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
        }
        List<LabelledExample> train = new ArrayList<>();
        List<LabelledExample> validation = new ArrayList<>();
        List<LabelledExample> test = new ArrayList<>();
        Random random = new Random(seed);
        for (List<LabelledExample> group : byLabel.values()) {
            List<LabelledExample> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            int n = shuffled.size();
            int nTest = n < 3 ? 0 : Math.max(1, (int) Math.round(n * testFraction));
            int nValidation = n < 3 ? 0 : Math.max(1, (int) Math.round(n * validationFraction));
            test.addAll(shuffled.subList(0, nTest));
            validation.addAll(shuffled.subList(nTest, nTest + nValidation));
            train.addAll(shuffled.subList(nTest + nValidation, n));
        }
        return of(train, validation, test);
    }

    /**
     * A split whose test part comes from elsewhere (the user's {@code --test-csv}): the rest is
     * split into training and validation.
     *
     * @throws UserInputException naming the file and line of a test label the training data lacks
     */
    public static DataSplit withSeparateTest(List<LabelledExample> trainAndValidation, double validationFraction,
                                             List<LabelledExample> test, long seed) {
        DataSplit inner = stratified(trainAndValidation, validationFraction, 0.0, seed);
        List<LabelledExample> train = new ArrayList<>(inner.train());
        train.addAll(inner.test());
        return of(train, inner.validation(), test);
    }

    private static DataSplit of(List<LabelledExample> train, List<LabelledExample> validation,
                                List<LabelledExample> test) {
        TreeSet<String> labels = new TreeSet<>();
        train.forEach(e -> labels.add(e.label()));
        if (labels.size() < 2) {
            throw new UserInputException("classification needs at least two labels in the training data, found "
                    + labels.size() + (labels.isEmpty() ? "" : " ('" + labels.first() + "')"));
        }
        for (List<LabelledExample> part : List.of(validation, test)) {
            for (LabelledExample e : part) {
                if (!labels.contains(e.label())) {
                    throw new UserInputException(e.where() + ": label '" + e.label()
                            + "' does not occur in the training data (labels: " + String.join(", ", labels) + ")");
                }
            }
        }
        return new DataSplit(List.copyOf(labels), List.copyOf(train), List.copyOf(validation), List.copyOf(test));
    }

    /** Index of every example's label in {@link #labels()}. */
    public int[] labelIndices(List<LabelledExample> examples) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return examples.stream().mapToInt(e -> index.get(e.label())).toArray();
    }

    /** Examples per class in each part, for the console and the report. */
    public MarkdownTable countsTable() {
        MarkdownTable table = new MarkdownTable("label", "train", "validation", "test");
        for (String label : labels) {
            table.row(label, count(train, label), count(validation, label), count(test, label));
        }
        table.row("total", train.size(), validation.size(), test.size());
        return table;
    }

    /** Per class: {@code [train, validation, test]} counts, for run.json. */
    public Map<String, List<Long>> counts() {
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.put(label, List.of(count(train, label), count(validation, label), count(test, label)));
        }
        return counts;
    }

    private static long count(List<LabelledExample> part, String label) {
        return part.stream().filter(e -> e.label().equals(label)).count();
    }
}
