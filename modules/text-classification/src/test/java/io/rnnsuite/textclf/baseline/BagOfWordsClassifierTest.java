package io.rnnsuite.textclf.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bag-of-words baseline on its own: a trivially separable set is learned, probabilities are distributions. */
class BagOfWordsClassifierTest {

    private static final List<String> LABELS = List.of("north", "south", "east");
    private static final List<List<String>> WORDS = List.of(
            List.of("ice", "snow", "polar"), List.of("sand", "desert", "sun"), List.of("rice", "tea", "silk"));
    private static final List<String> FILLER = List.of("the", "a", "of");

    /** Texts whose class words never occur in another class; fillers are shared. */
    private static List<String> texts(int perClass, Random random, List<Integer> labels) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < LABELS.size(); c++) {
                out.add(FILLER.get(random.nextInt(3)) + " " + WORDS.get(c).get(random.nextInt(3)) + " "
                        + FILLER.get(random.nextInt(3)));
                labels.add(c);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "tfIdf={0}")
    @ValueSource(booleans = {true, false})
    void learnsASeparableSetAndGivesDistributions(boolean tfIdf) {
        List<Integer> trainLabels = new ArrayList<>();
        List<String> train = texts(40, new Random(1), trainLabels);
        WordTokenizer tokenizer = new WordTokenizer();
        Vocabulary vocabulary = Vocabulary.build(train.stream().map(tokenizer::tokenize).toList(), 1, 0);
        BagOfWordsClassifier model = BagOfWordsClassifier.fit(train, trainLabels.stream().mapToInt(i -> i).toArray(),
                LABELS, vocabulary, new BagOfWordsClassifier.Settings(tfIdf, 10, 0.5, 1e-6, 7L));
        assertEquals(tfIdf ? "bow-tfidf" : "bow-counts", model.name());
        assertEquals(LABELS, model.labels());

        List<Integer> testLabels = new ArrayList<>();
        List<String> test = new ArrayList<>(texts(10, new Random(2), testLabels));
        test.add("zebra unseen words only");
        double[][] p = model.probabilities(test);
        for (int i = 0; i < test.size(); i++) {
            assertEquals(LABELS.size(), p[i].length);
            assertEquals(1.0, Arrays.stream(p[i]).sum(), 1e-9, test.get(i));
            assertTrue(Arrays.stream(p[i]).allMatch(x -> x >= 0 && x <= 1), test.get(i));
        }
        for (int i = 0; i < testLabels.size(); i++) {
            int predicted = argMax(p[i]);
            assertEquals(testLabels.get(i), predicted, test.get(i));
            assertTrue(p[i][predicted] > 0.6, "well above chance (1/3): " + Arrays.toString(p[i]));
        }
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
