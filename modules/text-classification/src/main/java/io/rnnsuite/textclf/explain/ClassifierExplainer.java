package io.rnnsuite.textclf.explain;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.explain.CellFigures;
import io.rnnsuite.common.explain.CellReplay;
import io.rnnsuite.common.explain.InterpretableUnits;
import io.rnnsuite.common.explain.LayerTrace;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.textclf.data.TextEncoder;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a text classifier over texts and gathers what its explain page shows: the cells re-run word
 * by word ({@link CellReplay}), the units that follow word properties, gate saturation and
 * persistent units over all words, and per text the prediction from every prefix and each word's
 * influence by occlusion. Prefixes and occluded texts are fed to the network itself, each unpadded,
 * so they hold for any direction, depth and pooling.
 */
public final class ClassifierExplainer {

    /** Decimals of the states in the page and its JSON. */
    public static final int DECIMALS = 5;
    /** Decimals of the probabilities and influences. */
    public static final int PROBABILITY_DECIMALS = 6;
    /** Units per layer shown with their keep-gate values. */
    public static final int KEPT_UNITS = 4;
    /** Sequences per forward pass. */
    private static final int BATCH = 256;

    private ClassifierExplainer() {
    }

    /**
     * One text to read.
     *
     * @param text  the text
     * @param label its true class, or {@code null} when unknown
     * @param where where it came from, for messages and the page
     */
    public record Input(String text, String label, String where) {
    }

    /**
     * What to explain.
     *
     * @param classifier the model
     * @param label      its label on the page (cell and directory)
     * @param texts      the texts, each read from a zero state
     * @param textSource where the texts came from
     * @param classWords the class words of the training split ({@link ClassWords#none()} when unknown)
     * @param units      how many interpretable units to list
     * @param note       what could not be searched and why, or {@code null}
     */
    public record Request(RecurrentTextClassifier classifier, String label, List<Input> texts, String textSource,
                          ClassWords classWords, int units, String note) {
    }

    /** @throws UserInputException if there is no text, or a text has no words */
    public static ClassifierExplainResult explain(Request request) {
        if (request.texts().isEmpty()) {
            throw new UserInputException("no texts to explain");
        }
        RecurrentTextClassifier classifier = request.classifier();
        MultiLayerNetwork network = classifier.network();
        Vocabulary vocabulary = classifier.vocabulary();
        WordTokenizer tokenizer = new WordTokenizer();
        int maxLength = classifier.config().maxLength();
        List<List<LayerTrace>> traces = new ArrayList<>();
        List<Map<String, double[]>> properties = new ArrayList<>();
        List<int[]> encoded = new ArrayList<>();
        List<List<String>> wordLists = new ArrayList<>();
        List<Integer> tokenCounts = new ArrayList<>();
        List<int[]> sequences = new ArrayList<>();
        for (Input input : request.texts()) {
            List<String> tokens = tokenizer.tokenize(input.text());
            if (tokens.isEmpty()) {
                throw new UserInputException(input.where() + ": the text is empty (no words)");
            }
            List<String> words = tokens.subList(0, Math.min(tokens.size(), maxLength));
            int[] indices = vocabulary.encode(words);
            traces.add(CellReplay.run(network, TextEncoder.batch(List.of(indices)).features()));
            properties.add(WordProperties.of(words, vocabulary, request.classWords()));
            encoded.add(indices);
            wordLists.add(words);
            tokenCounts.add(tokens.size());
            sequences.addAll(prefixesAndOcclusions(indices));
        }
        // all texts' prefixes and occluded copies in one go: one forward pass per length
        double[][] p = probabilities(network, sequences);
        List<ClassifierExplainResult.TextView> views = new ArrayList<>();
        int start = 0;
        int row = 0;
        for (int i = 0; i < encoded.size(); i++) {
            int n = encoded.get(i).length;
            int rows = n > 1 ? 2 * n : 1;
            views.add(view(request.texts().get(i), tokenCounts.get(i), wordLists.get(i), start,
                    Arrays.copyOfRange(p, row, row + rows), classifier.labels(), vocabulary));
            start += n;
            row += rows;
        }
        List<LayerTrace> all = CellFigures.joined(traces);
        Map<String, double[]> joined = WordProperties.joined(properties);
        LayerTrace first = all.get(0);
        return new ClassifierExplainResult(request.label(), first.cell(), all.size(), first.units() / first.directions(),
                first.directions(), classifier.config().effectivePooling().name().toLowerCase(Locale.ROOT),
                classifier.labels(), request.textSource(), request.note(), views, List.copyOf(joined.keySet()),
                request.classWords().byClass(),
                CellFigures.rounded(InterpretableUnits.rank(all, joined, request.units()), 4),
                CellFigures.states(all, DECIMALS), CellFigures.saturation(request.label(), all),
                CellFigures.longestKept(all, KEPT_UNITS, DECIMALS));
    }

    /** The text's prefixes of 1 .. n words, then (for n > 1) the text without word 0, 1, ..., n - 1. */
    private static List<int[]> prefixesAndOcclusions(int[] indices) {
        int n = indices.length;
        List<int[]> sequences = new ArrayList<>(2 * n);
        for (int k = 1; k <= n; k++) {
            sequences.add(Arrays.copyOf(indices, k));
        }
        if (n > 1) {
            for (int i = 0; i < n; i++) {
                int[] without = new int[n - 1];
                System.arraycopy(indices, 0, without, 0, i);
                System.arraycopy(indices, i + 1, without, i, n - 1 - i);
                sequences.add(without);
            }
        }
        return sequences;
    }

    /** One text's view from the probabilities {@code p} of its {@link #prefixesAndOcclusions}. */
    private static ClassifierExplainResult.TextView view(Input input, int tokens, List<String> words, int start, double[][] p,
                                                         List<String> labels, Vocabulary vocabulary) {
        int n = words.size();
        double[] full = p[n - 1];
        int predicted = argmax(full);
        double[][] running = new double[n][];
        int settled = n;
        for (int k = 0; k < n; k++) {
            running[k] = CellFigures.roundAll(p[k], PROBABILITY_DECIMALS);
        }
        for (int k = n - 1; k >= 0 && argmax(p[k]) == predicted; k--) {
            settled = k + 1;
        }
        Double[] influence = null;
        if (n > 1) {
            influence = new Double[n];
            for (int i = 0; i < n; i++) {
                influence[i] = CellFigures.round(full[predicted] - p[n + i][predicted], PROBABILITY_DECIMALS);
            }
        }
        List<Boolean> known = words.stream().map(vocabulary::contains).toList();
        return new ClassifierExplainResult.TextView(input.where(), input.text(), List.copyOf(words), known, tokens, start,
                input.label(), labels.get(predicted), CellFigures.roundAll(full, PROBABILITY_DECIMALS), running, influence,
                settled);
    }

    /**
     * The network's class probabilities for each sequence of word indices, in batches of sequences
     * of one length, so none is padded: DL4J's bidirectional layers let the padding at the end of a
     * shorter text reach its backward direction (the state is not held at masked steps), so a
     * padded text can get other probabilities than alone once the biases are trained.
     */
    static double[][] probabilities(MultiLayerNetwork network, List<int[]> sequences) {
        double[][] out = new double[sequences.size()][];
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < sequences.size(); i++) {
            byLength.computeIfAbsent(sequences.get(i).length, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byLength.values()) {
            for (int from = 0; from < group.size(); from += BATCH) {
                List<Integer> part = group.subList(from, Math.min(group.size(), from + BATCH));
                TextEncoder.Batch batch = TextEncoder.batch(part.stream().map(sequences::get).toList());
                INDArray p = network.output(batch.features(), false, batch.mask(), null);
                for (int i = 0; i < part.size(); i++) {
                    out[part.get(i)] = p.getRow(i).toDoubleVector();
                }
            }
        }
        return out;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
