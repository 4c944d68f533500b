package io.rnnsuite.textclf.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Texts → token indices → network inputs. Features are {@code [batch, 1, time]} token indices (the
 * shape {@code EmbeddingSequenceLayer} reads), padded with {@link Vocabulary#PAD_INDEX} at the end,
 * with a {@code [batch, time]} mask that is 1 on real tokens; labels are one-hot
 * {@code [batch, classes]}. Texts longer than {@code maxLength} tokens keep their first
 * {@code maxLength} tokens, and {@link #truncatedCount()} says how many were cut.
 */
public final class TextEncoder {

    private final WordTokenizer tokenizer = new WordTokenizer();
    private final Vocabulary vocabulary;
    private final int maxLength;
    private int truncated;

    public TextEncoder(Vocabulary vocabulary, int maxLength) {
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Texts cut to {@code maxLength} so far. */
    public int truncatedCount() {
        return truncated;
    }

    /** Token indices of {@code text}, at most {@code maxLength} of them, at least one. */
    public int[] encode(String text, String where) {
        List<String> tokens = tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new UserInputException(where + ": the text is empty (no words)");
        }
        if (tokens.size() > maxLength) {
            truncated++;
            tokens = tokens.subList(0, maxLength);
        }
        return vocabulary.encode(tokens);
    }

    /** One example per text, each its own length (merged and padded later by the batch source). */
    public List<MultiDataSet> examples(List<LabelledExample> examples, int[] labelIndices, int numClasses) {
        List<MultiDataSet> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            int[] indices = encode(examples.get(i).text(), examples.get(i).where());
            INDArray label = Nd4j.zeros(DataType.FLOAT, 1, numClasses);
            label.putScalar(0, labelIndices[i], 1f);
            Batch batch = batch(List.of(indices));
            out.add(new MultiDataSet(batch.features(), label, batch.mask(), null));
        }
        return out;
    }

    /** Padded features and mask for already-encoded sequences. */
    public static Batch batch(List<int[]> sequences) {
        int longest = sequences.stream().mapToInt(s -> s.length).max().orElse(1);
        INDArray features = Nd4j.zeros(DataType.FLOAT, sequences.size(), 1, longest);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, sequences.size(), longest);
        for (int b = 0; b < sequences.size(); b++) {
            int[] s = sequences.get(b);
            for (int t = 0; t < s.length; t++) {
                features.putScalar(new long[] {b, 0, t}, s[t]);
                mask.putScalar(b, t, 1f);
            }
        }
        return new Batch(features, mask);
    }

    /** Network input: token indices and the mask of real tokens. */
    public record Batch(INDArray features, INDArray mask) {
    }
}
