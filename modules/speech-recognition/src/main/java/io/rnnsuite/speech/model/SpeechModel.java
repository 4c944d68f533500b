package io.rnnsuite.speech.model;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.ctc.CtcDecoder;
import io.rnnsuite.speech.data.DigitWords;
import io.rnnsuite.speech.data.Utterance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained speech network with what using it needs: the configuration (features, CTC or not,
 * beam width) and the vocabulary. Saved as {@code model.zip} plus {@code vocabulary.json}.
 */
public final class SpeechModel implements Recognizer {

    public static final String VOCABULARY_FILE = "vocabulary.json";
    /** Utterances per forward pass. */
    public static final int BATCH = 32;

    private final MultiLayerNetwork network;
    private final SpeechConfig config;
    private final List<String> vocabulary;

    public SpeechModel(MultiLayerNetwork network, SpeechConfig config, List<String> vocabulary) {
        this.network = network;
        this.config = config;
        this.vocabulary = List.copyOf(vocabulary);
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public SpeechConfig config() {
        return config;
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    @Override
    public String name() {
        return config.recurrent().label() + (config.ctc() ? "_ctc" : "");
    }

    /** Isolated words: the class probabilities of each utterance (padded batches, masked). */
    public double[][] probabilities(List<float[][]> utterances) {
        double[][] out = new double[utterances.size()][];
        for (int start = 0; start < utterances.size(); start += BATCH) {
            List<float[][]> slice = utterances.subList(start, Math.min(utterances.size(), start + BATCH));
            Batches.Padded batch = Batches.pad(slice);
            INDArray p = network.output(batch.features(), false, batch.mask(), null);
            for (int i = 0; i < slice.size(); i++) {
                out[start + i] = p.getRow(i).toDoubleVector();
            }
        }
        return out;
    }

    /** Connected digits: per utterance, the label probabilities of its real frames, {@code [frames][11]}. */
    public List<double[][]> framePosteriors(List<float[][]> utterances) {
        List<double[][]> out = new ArrayList<>(utterances.size());
        for (int start = 0; start < utterances.size(); start += BATCH) {
            List<float[][]> slice = utterances.subList(start, Math.min(utterances.size(), start + BATCH));
            Batches.Padded batch = Batches.pad(slice);
            INDArray p = network.output(batch.features(), false, batch.mask(), batch.mask()); // [b, 11, T]
            for (int i = 0; i < slice.size(); i++) {
                int frames = slice.get(i).length;
                double[][] posteriors = new double[frames][SpeechNetwork.CTC_CLASSES];
                for (int t = 0; t < frames; t++) {
                    for (int k = 0; k < SpeechNetwork.CTC_CLASSES; k++) {
                        posteriors[t][k] = p.getDouble(i, k, t);
                    }
                }
                out.add(posteriors);
            }
        }
        return out;
    }

    /** Decodes CTC posteriors with the configured beam (1 = greedy). */
    public CtcDecoder.Decoded decode(double[][] posteriors) {
        return config.beamWidth() == 1 ? CtcDecoder.greedy(posteriors) : CtcDecoder.beam(posteriors, config.beamWidth());
    }

    @Override
    public List<String> recognise(List<Utterance> utterances) {
        List<float[][]> features = utterances.stream().map(Utterance::features).toList();
        List<String> out = new ArrayList<>(utterances.size());
        if (config.ctc()) {
            for (double[][] posteriors : framePosteriors(features)) {
                out.add(DigitWords.text(decode(posteriors).labels()));
            }
        } else {
            for (double[] p : probabilities(features)) {
                out.add(vocabulary.get(argmax(p)));
            }
        }
        return out;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Writes the vocabulary beside the trainer's {@code model.zip}. */
    public void saveSideFiles(ModelDirectory dir) throws IOException {
        Json.write(dir.file(VOCABULARY_FILE), vocabulary);
    }

    public static SpeechModel load(SpeechConfig config, ModelDirectory dir) {
        String[] vocabulary = dir.readJson(VOCABULARY_FILE, String[].class);
        try {
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(dir.modelFile().toFile(), false);
            return new SpeechModel(network, config, List.of(vocabulary));
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("model directory " + dir.dir() + ": cannot read " + ModelDirectory.MODEL_FILE
                    + " (" + e.getMessage() + ")");
        }
    }
}
