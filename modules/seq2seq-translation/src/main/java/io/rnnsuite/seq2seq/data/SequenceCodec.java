package io.rnnsuite.seq2seq.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.datasets.SentencePair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sentences ↔ one-hot sequences. The source side has its own vocabulary; the target vocabulary
 * adds {@link Vocabulary#BOS} (the decoder's first input) and {@link Vocabulary#EOS} (its last
 * output). A training example is: source {@code x1..xm}; decoder input {@code BOS y1..yn}; labels
 * {@code y1..yn EOS} (teacher forcing).
 */
public final class SequenceCodec {

    private final Tokenization tokenization;
    private final Vocabulary sourceVocabulary;
    private final Vocabulary targetVocabulary;
    private final int maxSourceLength;
    private final int maxTargetLength;
    private final boolean padToMaximum;

    /**
     * @param padToMaximum pad every source to {@code maxSourceLength} and every decoder sequence to
     *                     {@code maxTargetLength + 1} steps (masked): DL4J M2.1's attention vertex
     *                     fixes its time lengths at the first call, so attention models need constant ones
     */
    public SequenceCodec(Tokenization tokenization, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
                         int maxSourceLength, int maxTargetLength, boolean padToMaximum) {
        this.tokenization = tokenization;
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
        this.maxSourceLength = maxSourceLength;
        this.maxTargetLength = maxTargetLength;
        this.padToMaximum = padToMaximum;
    }

    /** Vocabularies of the training pairs (every token kept: the generated data has few). */
    public static SequenceCodec fit(Tokenization tokenization, Collection<SentencePair> train, int maxSourceLength,
                                    int maxTargetLength, boolean padToMaximum) {
        Vocabulary source = Vocabulary.build(train.stream().map(p -> tokenization.tokenize(p.source())).toList(), 1, 0);
        Vocabulary target = Vocabulary.build(train.stream().map(p -> tokenization.tokenize(p.target())).toList(), 1, 0,
                Vocabulary.BOS, Vocabulary.EOS);
        return new SequenceCodec(tokenization, source, target, maxSourceLength, maxTargetLength, padToMaximum);
    }

    public Tokenization tokenization() {
        return tokenization;
    }

    public Vocabulary sourceVocabulary() {
        return sourceVocabulary;
    }

    public Vocabulary targetVocabulary() {
        return targetVocabulary;
    }

    public int maxSourceLength() {
        return maxSourceLength;
    }

    public int maxTargetLength() {
        return maxTargetLength;
    }

    public int bosIndex() {
        return targetVocabulary.indexOf(Vocabulary.BOS);
    }

    public int eosIndex() {
        return targetVocabulary.indexOf(Vocabulary.EOS);
    }

    /**
     * The source token indices of a sentence a user typed.
     *
     * @throws UserInputException for an empty sentence, one longer than the maximum length, or
     *                            tokens the model never saw (all of them named)
     */
    public int[] encodeSource(String sentence) {
        List<String> tokens = tokenization.tokenize(sentence.strip());
        if (tokens.isEmpty()) {
            throw new UserInputException("empty sentence: nothing to translate");
        }
        if (tokens.size() > maxSourceLength) {
            throw new UserInputException("sentence of " + tokens.size() + " " + unit() + " is longer than the model's maximum of "
                    + maxSourceLength + ": '" + abbreviate(sentence) + "'");
        }
        Set<String> unknown = tokens.stream().filter(t -> !sourceVocabulary.contains(t) || isSpecial(t))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            throw new UserInputException(unit(unknown.size()) + " not in the model's source vocabulary: "
                    + unknown.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
                    + " (in '" + abbreviate(sentence) + "')");
        }
        return sourceVocabulary.encode(tokens);
    }

    /** A training example (batch of one), or {@code null} when a side exceeds its maximum length. */
    public MultiDataSet example(SentencePair pair) {
        List<String> source = tokenization.tokenize(pair.source());
        List<String> target = tokenization.tokenize(pair.target());
        if (source.isEmpty() || source.size() > maxSourceLength || target.size() > maxTargetLength) {
            return null;
        }
        int[] sourceIndices = sourceVocabulary.encode(source);
        int[] targetIndices = targetVocabulary.encode(target);
        int[] decoderInput = new int[targetIndices.length + 1];
        int[] labels = new int[targetIndices.length + 1];
        decoderInput[0] = bosIndex();
        System.arraycopy(targetIndices, 0, decoderInput, 1, targetIndices.length);
        System.arraycopy(targetIndices, 0, labels, 0, targetIndices.length);
        labels[targetIndices.length] = eosIndex();
        int sourceSteps = padToMaximum ? maxSourceLength : sourceIndices.length;
        int targetSteps = padToMaximum ? maxTargetLength + 1 : labels.length;
        INDArray[] features = {oneHot(List.of(sourceIndices), sourceVocabulary.size(), sourceSteps),
                oneHot(List.of(decoderInput), targetVocabulary.size(), targetSteps)};
        INDArray[] featureMasks = {mask(List.of(sourceIndices), sourceSteps), mask(List.of(labels), targetSteps)};
        return new MultiDataSet(features, new INDArray[]{oneHot(List.of(labels), targetVocabulary.size(), targetSteps)},
                featureMasks, new INDArray[]{featureMasks[1].dup()});
    }

    /** Steps every source is padded to (its own length unless {@link #padsToMaximum()}). */
    public int sourceSteps(int length) {
        return padToMaximum ? maxSourceLength : length;
    }

    /** Whether sequences are padded to the maximum lengths (attention models). */
    public boolean padsToMaximum() {
        return padToMaximum;
    }

    /** Mask {@code [batch, steps]}: 1 for the real tokens of each sequence, 0 for padding. */
    public static INDArray mask(List<int[]> sequences, int steps) {
        INDArray mask = Nd4j.zeros(DataType.FLOAT, sequences.size(), steps);
        for (int b = 0; b < sequences.size(); b++) {
            for (int t = 0; t < sequences.get(b).length; t++) {
                mask.putScalar(b, t, 1f);
            }
        }
        return mask;
    }

    /** The examples of {@code pairs} that fit the length limits. */
    public List<MultiDataSet> examples(List<SentencePair> pairs) {
        List<MultiDataSet> out = new ArrayList<>(pairs.size());
        for (SentencePair pair : pairs) {
            MultiDataSet example = example(pair);
            if (example != null) {
                out.add(example);
            }
        }
        return out;
    }

    /** One-hot {@code [batch, vocabulary, time]} of equally long index sequences. */
    public static INDArray oneHot(List<int[]> sequences, int vocabularySize) {
        return oneHot(sequences, vocabularySize, sequences.get(0).length);
    }

    /** One-hot {@code [batch, vocabulary, steps]}, zero after each sequence's end. */
    public static INDArray oneHot(List<int[]> sequences, int vocabularySize, int steps) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, sequences.size(), vocabularySize, steps);
        for (int b = 0; b < sequences.size(); b++) {
            for (int t = 0; t < sequences.get(b).length; t++) {
                out.putScalar(new long[]{b, sequences.get(b)[t], t}, 1f);
            }
        }
        return out;
    }

    /** The target text of decoded indices (EOS and anything after it dropped). */
    public String decode(List<Integer> indices) {
        List<String> tokens = new ArrayList<>();
        for (int index : indices) {
            if (index == eosIndex()) {
                break;
            }
            tokens.add(targetVocabulary.token(index));
        }
        return tokenization.join(tokens);
    }

    private static boolean isSpecial(String token) {
        return token.equals(Vocabulary.PAD) || token.equals(Vocabulary.UNK);
    }

    private String unit() {
        return tokenization == Tokenization.WORD ? "words" : "characters";
    }

    private String unit(int count) {
        String one = tokenization == Tokenization.WORD ? "word" : "character";
        return count == 1 ? one : one + "s";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
