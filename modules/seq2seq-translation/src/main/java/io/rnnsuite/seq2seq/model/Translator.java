package io.rnnsuite.seq2seq.model;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained translation model: the training graph (which also encodes), the step graph (which
 * decodes one token at a time), the vocabularies and the configuration. Saved in a model
 * directory beside {@code model.zip} (which the trainer writes) and {@code app-config.json}:
 * {@value #SOURCE_VOCABULARY}, {@value #TARGET_VOCABULARY} and {@value #LIMITS_FILE} (the maximum
 * lengths as fitted to the training data, which attention models pad to).
 */
public final class Translator {

    public static final String SOURCE_VOCABULARY = "source-vocabulary.json";
    public static final String TARGET_VOCABULARY = "target-vocabulary.json";
    public static final String LIMITS_FILE = "sequence-limits.json";

    /**
     * Beam search decodes at most this many sentences together (their live hypotheses are the rows
     * of one decoder step), which bounds the copies of the encoder outputs it holds.
     */
    private static final int BEAM_SENTENCES_PER_PASS = 64;

    /**
     * The maximum lengths the model was trained with: the configured ones, lowered to the longest
     * training sentences.
     */
    public record Limits(int maxSourceLength, int maxTargetLength) {
    }

    private final TranslationConfig config;
    private final SequenceCodec codec;
    private final ComputationGraph graph;
    private final ComputationGraph stepGraph;
    private final StepDecoder decoder;

    /** Wraps a trained graph; builds the step graph and copies the decoder's parameters into it. */
    public Translator(TranslationConfig config, SequenceCodec codec, ComputationGraph graph) {
        this.config = config;
        this.codec = codec;
        this.graph = graph;
        this.stepGraph = Seq2SeqGraphs.step(config, codec.targetVocabulary().size());
        Seq2SeqGraphs.copyDecoderParameters(graph, stepGraph);
        this.decoder = new StepDecoder(stepGraph, codec, config.attention());
    }

    public TranslationConfig config() {
        return config;
    }

    public SequenceCodec codec() {
        return codec;
    }

    public ComputationGraph graph() {
        return graph;
    }

    /**
     * Translates every sentence with the configured beam width (1 = greedy).
     *
     * @throws UserInputException naming the first sentence that is empty, too long or holds unknown tokens
     */
    public List<Translation> translate(List<String> sentences) {
        return translate(sentences, config.beamWidth());
    }

    /**
     * Translates with beam width {@code beamWidth}; sentences of equal length share one encoder pass
     * and are decoded together (beam search: up to {@value #BEAM_SENTENCES_PER_PASS} at a time).
     */
    public List<Translation> translate(List<String> sentences, int beamWidth) {
        if (beamWidth < 1) {
            throw new UserInputException("--beam must be at least 1, got " + beamWidth);
        }
        List<int[]> encoded = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            encoded.add(codec.encodeSource(sentence));
        }
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        for (int i = 0; i < encoded.size(); i++) {
            byLength.computeIfAbsent(encoded.get(i).length, k -> new ArrayList<>()).add(i);
        }
        Translation[] out = new Translation[sentences.size()];
        for (List<Integer> group : byLength.values()) {
            EncodedSource source = encode(group.stream().map(encoded::get).toList());
            if (beamWidth == 1) {
                List<Translation> batch = decoder.greedy(source);
                for (int g = 0; g < group.size(); g++) {
                    out[group.get(g)] = batch.get(g);
                }
            } else {
                for (int from = 0; from < group.size(); from += BEAM_SENTENCES_PER_PASS) {
                    int to = Math.min(group.size(), from + BEAM_SENTENCES_PER_PASS);
                    EncodedSource slice = to - from == group.size() ? source
                            : source.rows(java.util.stream.IntStream.range(from, to).toArray());
                    List<Translation> batch = decoder.beam(slice, beamWidth, config.lengthPenalty());
                    for (int g = from; g < to; g++) {
                        out[group.get(g)] = batch.get(g - from);
                    }
                }
            }
        }
        return List.of(out);
    }

    /** Beam search for one sentence (tests compare width 1 with {@link #translate}'s greedy path). */
    public Translation beamSearch(String sentence, int beamWidth) {
        return decoder.beam(encode(List.of(codec.encodeSource(sentence))), beamWidth, config.lengthPenalty()).get(0);
    }

    /** The step-graph decoder (for tests that decode through it directly). */
    StepDecoder decoder() {
        return decoder;
    }

    /**
     * The decoder's output distributions {@code [steps, vocabulary]} when fed {@code decoderInputs}
     * (BOS first) one step at a time after encoding {@code sentence}: for checking that stepwise
     * decoding equals the full graph's teacher-forced output.
     */
    public INDArray teacherForcedSteps(String sentence, List<Integer> decoderInputs) {
        return decoder.teacherForced(encode(List.of(codec.encodeSource(sentence))), decoderInputs);
    }

    /**
     * The attention weights behind the greedy translation of {@code sentence}: the sentence is
     * translated, then the training graph is run teacher-forced on its own output (which reproduces
     * the stepwise decoding) and the weights are recomputed from the attention vertex's parameters
     * and inputs ({@link AttentionWeights}).
     *
     * @throws IllegalStateException if the model has no attention
     * @throws UserInputException    as {@link #translate(List)} for a sentence it cannot encode
     */
    public AttentionMap attention(String sentence) {
        if (!config.attention()) {
            throw new IllegalStateException("model " + config.label() + " has no attention");
        }
        int[] source = codec.encodeSource(sentence);
        Translation translation = translate(List.of(sentence), 1).get(0);
        List<Integer> output = translation.tokens();
        int[] decoderInput = new int[output.size()];
        decoderInput[0] = codec.bosIndex();
        for (int t = 1; t < output.size(); t++) {
            decoderInput[t] = output.get(t - 1);
        }
        int sourceSteps = codec.sourceSteps(source.length);
        int decoderSteps = codec.padsToMaximum() ? codec.maxTargetLength() + 1 : decoderInput.length;
        INDArray sourceMask = SequenceCodec.mask(List.of(source), sourceSteps);
        graph.setLayerMaskArrays(new INDArray[]{sourceMask, SequenceCodec.mask(List.of(decoderInput), decoderSteps)}, null);
        Map<String, INDArray> activations = graph.feedForward(new INDArray[]{
                SequenceCodec.oneHot(List.of(source), codec.sourceVocabulary().size(), sourceSteps),
                SequenceCodec.oneHot(List.of(decoderInput), codec.targetVocabulary().size(), decoderSteps)}, false, false);
        graph.clearLayerMaskArrays();
        INDArray encoderOutputs = activations.get(Seq2SeqGraphs.lastEncoderLayer(config));
        double[][] padded = AttentionWeights.weights(graph.getVertex(Seq2SeqGraphs.ATTENTION).paramTable(false),
                activations.get(Seq2SeqGraphs.DECODER), encoderOutputs, sourceMask, 0);
        double[][] weights = new double[output.size()][];
        for (int t = 0; t < output.size(); t++) {
            weights[t] = Arrays.copyOf(padded[t], source.length);
        }
        List<String> outputTokens = output.stream().map(codec.targetVocabulary()::token).toList();
        return new AttentionMap(sentence.strip(), translation.text(), codec.tokenization().tokenize(sentence.strip()), outputTokens, weights);
    }

    /** One encoder pass over equally long sources (the decoder half sees a single BOS step, unused). */
    EncodedSource encode(List<int[]> sources) {
        int sourceSteps = codec.sourceSteps(sources.get(0).length);
        int decoderSteps = codec.padsToMaximum() ? codec.maxTargetLength() + 1 : 1;
        INDArray source = SequenceCodec.oneHot(sources, codec.sourceVocabulary().size(), sourceSteps);
        List<int[]> bos = sources.stream().map(s -> new int[]{codec.bosIndex()}).toList();
        INDArray decoderInput = SequenceCodec.oneHot(bos, codec.targetVocabulary().size(), decoderSteps);
        // always set the masks: those of the last training / scoring batch would otherwise apply
        INDArray sourceMask = SequenceCodec.mask(sources, sourceSteps);
        graph.setLayerMaskArrays(new INDArray[]{sourceMask, SequenceCodec.mask(bos, decoderSteps)}, null);
        Map<String, INDArray> activations = graph.feedForward(new INDArray[]{source, decoderInput}, false, false);
        graph.clearLayerMaskArrays();
        return new EncodedSource(activations.get(Seq2SeqGraphs.ENCODER_LAST).dup(),
                activations.get(Seq2SeqGraphs.lastEncoderLayer(config)).dup(), sourceMask);
    }

    /** Writes the vocabularies and length limits into {@code dir} (the trainer wrote {@code model.zip}), each atomically. */
    public void save(ModelDirectory dir) throws IOException {
        codec.sourceVocabulary().save(dir.file(SOURCE_VOCABULARY));
        codec.targetVocabulary().save(dir.file(TARGET_VOCABULARY));
        Json.write(dir.file(LIMITS_FILE), new Limits(config.maxSourceLength(), config.maxTargetLength()));
    }

    /** Writes the network too, for a model that was not trained into {@code dir}. */
    public void saveWithNetwork(ModelDirectory dir) throws IOException {
        AtomicFiles.write(dir.modelFile(), tmp -> ModelSerializer.writeModel(graph, tmp.toFile(), false));
        save(dir);
    }

    /**
     * Loads the model in {@code dir}, trained with {@code config} (read from its {@code app-config.json}).
     *
     * @throws UserInputException if a file is missing or unreadable
     */
    public static Translator load(TranslationConfig config, ModelDirectory dir) {
        Limits limits = dir.readJson(LIMITS_FILE, Limits.class);
        Vocabulary source = dir.readJson(SOURCE_VOCABULARY, Vocabulary.class);
        Vocabulary target = dir.readJson(TARGET_VOCABULARY, Vocabulary.class);
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(dir.modelFile().toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + dir.dir() + ": cannot read " + ModelDirectory.MODEL_FILE
                    + " (" + e.getMessage() + ")");
        }
        TranslationConfig fitted = config.withMaxLengths(limits.maxSourceLength(), limits.maxTargetLength());
        SequenceCodec codec = new SequenceCodec(fitted.tokenization(), source, target, fitted.maxSourceLength(),
                fitted.maxTargetLength(), fitted.attention());
        return new Translator(fitted, codec, graph);
    }
}
