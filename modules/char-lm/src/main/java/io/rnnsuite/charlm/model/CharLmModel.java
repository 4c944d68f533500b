package io.rnnsuite.charlm.model;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.text.CharVocabulary;
import java.io.IOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trained character model: the network ({@code model.zip}, written by the trainer) and the
 * training split's characters ({@code vocabulary.json}, {@value #VOCABULARY_FILE}).
 *
 * @param network    the network
 * @param vocabulary its characters
 * @param name       its label ({@code lstm}, {@code 2x_lstm})
 */
public record CharLmModel(MultiLayerNetwork network, CharVocabulary vocabulary, String name) {

    public static final String VOCABULARY_FILE = "vocabulary.json";

    /** Probabilities of the next character, scored by the same code as the baselines. */
    public RnnCharModel asNextCharModel() {
        return new RnnCharModel(network, vocabulary.size(), name);
    }

    public CharSampler sampler() {
        return new CharSampler(network, vocabulary);
    }

    /** Writes the vocabulary (before training too, so a checkpoint is usable). */
    public static void writeVocabulary(ModelDirectory dir, CharVocabulary vocabulary) throws IOException {
        vocabulary.save(dir.file(VOCABULARY_FILE));
    }

    /**
     * Loads the network and vocabulary of a model directory.
     *
     * @throws UserInputException if a file is unreadable or the two do not fit together
     */
    public static CharLmModel load(ModelDirectory dir, String name) {
        CharVocabulary vocabulary = CharVocabulary.load(dir.file(VOCABULARY_FILE));
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(dir.modelFile().toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + dir.dir() + ": cannot read " + ModelDirectory.MODEL_FILE
                    + " (" + e.getMessage() + ")");
        }
        long outputs = net.getLayer(net.getnLayers() - 1).getParam("b").length();
        if (outputs != vocabulary.size()) {
            throw new UserInputException("model directory " + dir.dir() + ": " + VOCABULARY_FILE + " has "
                    + vocabulary.size() + " symbols but the network predicts " + outputs);
        }
        return new CharLmModel(net, vocabulary, name);
    }
}
