package io.rnnsuite.charlm;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.io.RunRecord;
import io.rnnsuite.common.text.CharVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trained character model as saved in a model directory: {@code model.zip} (the network),
 * {@code vocabulary.json} (the training split's characters) and {@code run.json} (app
 * {@value #APP}, the {@link CharLmConfig} and the corpus it was trained on).
 *
 * @param network    the network
 * @param vocabulary its characters
 * @param config     how it was built
 * @param source     the corpus name or text file it was trained on
 */
public record CharLmModel(MultiLayerNetwork network, CharVocabulary vocabulary, CharLmConfig config, String source) {

    /** The app name in run.json. */
    public static final String APP = "char-lm";
    public static final String VOCABULARY_FILE = "vocabulary.json";

    /** Probabilities of the next character, scored by the shared evaluation code. */
    public RnnCharModel asNextCharModel() {
        return new RnnCharModel(network, vocabulary.size(), config.recurrentSpec().label());
    }

    public CharSampler sampler() {
        return new CharSampler(network, vocabulary);
    }

    /** Writes the vocabulary (before training, so checkpoints are usable). */
    static void writeVocabulary(ModelDirectory dir, CharVocabulary vocabulary) {
        try {
            vocabulary.save(dir.file(VOCABULARY_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.file(VOCABULARY_FILE), e);
        }
    }

    /** Writes network, vocabulary and run record, each atomically. */
    public void save(ModelDirectory dir, RunRecord record) {
        try {
            AtomicFiles.write(dir.modelFile(), tmp -> ModelSerializer.writeModel(network, tmp.toFile(), false));
            writeVocabulary(dir, vocabulary);
            dir.writeRunRecord(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir.dir(), e);
        }
    }

    /**
     * Loads a directory written by {@code charlm train}.
     *
     * @throws UserInputException if it is missing, incomplete or another app's
     */
    public static CharLmModel load(Path directory) {
        ModelDirectory dir = ModelDirectory.open(directory, APP);
        CharVocabulary vocabulary = CharVocabulary.load(dir.file(VOCABULARY_FILE));
        CharLmConfig config;
        String source;
        try {
            JsonNode run = Json.MAPPER.readTree(dir.runFile().toFile());
            config = Json.MAPPER.treeToValue(run.get("config"), CharLmConfig.class);
            source = run.path("dataset").asText();
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + directory + ": run.json has no readable char-lm config ("
                    + e.getMessage() + ")");
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(dir.modelFile().toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + directory + ": cannot read " + ModelDirectory.MODEL_FILE
                    + " (" + e.getMessage() + ")");
        }
        long outputs = net.getLayer(net.getnLayers() - 1).getParam("b").length();
        if (outputs != vocabulary.size()) {
            throw new UserInputException("model directory " + directory + ": " + VOCABULARY_FILE + " has "
                    + vocabulary.size() + " symbols but the network predicts " + outputs);
        }
        return new CharLmModel(net, vocabulary, config, source);
    }
}
