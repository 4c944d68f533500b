package io.rnnsuite.textclf.model;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.layers.FastForward;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained recurrent classifier with everything needed to use it: the network, the vocabulary,
 * the maximum length and the class names. Saved as a model directory: {@code model.zip},
 * {@code vocabulary.json}, {@code classifier.json} (name and labels); the train run adds
 * {@code app-config.json} (the configuration) and, last, {@code run.json}.
 *
 * <p>A few texts at a time ({@code classify predict}, the playground) go one by one through
 * {@link FastForward} where the network is made of the fast layers; more texts, and any other
 * network, go through {@code net.output} in padded batches. Both give the same probabilities (to
 * float rounding: each text is its own unpadded sequence, which the masks make equal).
 */
public final class RecurrentTextClassifier implements Classifier {

    public static final String VOCABULARY_FILE = "vocabulary.json";
    public static final String CLASSIFIER_FILE = "classifier.json";
    /** Texts per forward pass at prediction time. */
    private static final int PREDICT_BATCH = 128;
    /** Most texts per request that go one at a time through {@link FastForward} (a request, the playground's occluded copies of a short text); more go as padded batches. */
    static final int SINGLE_PATH_TEXTS = 32;

    /** What {@code classifier.json} holds. */
    public record Description(String name, List<String> labels) {
    }

    private final MultiLayerNetwork network;
    private final TextEncoder encoder;
    private final Description description;
    private final TextClassificationConfig config;
    private final boolean useFastPath;
    /** Made on the first small request; empty where the network needs {@code output}. */
    private Optional<FastForward> forward;

    public RecurrentTextClassifier(MultiLayerNetwork network, Vocabulary vocabulary, Description description,
                                   TextClassificationConfig config) {
        this(network, vocabulary, description, config, true);
    }

    /**
     * @param useFastPath answer small requests through {@link FastForward} where the network
     *                    allows; false: always {@code net.output} (the reference path)
     */
    public RecurrentTextClassifier(MultiLayerNetwork network, Vocabulary vocabulary, Description description,
                                   TextClassificationConfig config, boolean useFastPath) {
        this.useFastPath = useFastPath;
        this.network = network;
        this.encoder = new TextEncoder(vocabulary, config.maxLength());
        this.description = description;
        this.config = config;
    }

    @Override
    public String name() {
        return description.name();
    }

    @Override
    public List<String> labels() {
        return description.labels();
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public Vocabulary vocabulary() {
        return encoder.vocabulary();
    }

    public TextClassificationConfig config() {
        return config;
    }

    /** Texts truncated to the maximum length by {@link #probabilities} so far. */
    public int truncatedCount() {
        return encoder.truncatedCount();
    }

    @Override
    public double[][] probabilities(List<String> texts) {
        double[][] out = new double[texts.size()][];
        Optional<FastForward> pass = texts.size() <= SINGLE_PATH_TEXTS ? fastForward() : Optional.empty();
        if (pass.isPresent() && pass.get().readsIndices() && pass.get().inputSize() == vocabulary().size()) {
            for (int i = 0; i < texts.size(); i++) {
                out[i] = new double[pass.get().outputSize()];
                pass.get().outputForIndices(encoder.encode(texts.get(i), "text " + (i + 1)), out[i]);
            }
            return out;
        }
        for (int start = 0; start < texts.size(); start += PREDICT_BATCH) {
            int end = Math.min(texts.size(), start + PREDICT_BATCH);
            List<int[]> sequences = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                sequences.add(encoder.encode(texts.get(i), "text " + (i + 1)));
            }
            TextEncoder.Batch batch = TextEncoder.batch(sequences);
            INDArray p = network.output(batch.features(), false, batch.mask(), null);
            for (int i = start; i < end; i++) {
                out[i] = p.getRow(i - start).toDoubleVector();
            }
        }
        return out;
    }

    private synchronized Optional<FastForward> fastForward() {
        if (!useFastPath) {
            return Optional.empty();
        }
        if (forward == null) {
            forward = FastForward.of(network);
        }
        return forward;
    }

    /** Writes the network, vocabulary and description into {@code dir}, each atomically. */
    public void save(ModelDirectory dir) throws IOException {
        AtomicFiles.write(dir.modelFile(), tmp -> ModelSerializer.writeModel(network, tmp.toFile(), false));
        vocabulary().save(dir.file(VOCABULARY_FILE));
        io.rnnsuite.common.io.Json.write(dir.file(CLASSIFIER_FILE), description);
    }

    /**
     * Loads what {@link #save} wrote into {@code dir} (opened and checked by the caller), with the
     * configuration the model was trained with.
     *
     * @throws UserInputException if a file is missing or unreadable
     */
    public static RecurrentTextClassifier load(ModelDirectory dir, TextClassificationConfig config) {
        Vocabulary vocabulary = dir.readJson(VOCABULARY_FILE, Vocabulary.class);
        Description description = dir.readJson(CLASSIFIER_FILE, Description.class);
        try {
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(dir.modelFile().toFile(), false);
            return new RecurrentTextClassifier(network, vocabulary, description, config);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + dir.dir() + ": cannot read " + ModelDirectory.MODEL_FILE
                    + " (" + e.getMessage() + ")");
        }
    }
}
