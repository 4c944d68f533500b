package io.rnnsuite.textclf.baseline;

import io.rnnsuite.textclf.model.Classifier;
import java.util.Arrays;
import java.util.List;

/**
 * Predicts the training split's class frequencies for every text: the floor any model must beat
 * (its accuracy is the largest class's share; its macro-F1 is low when classes are many).
 */
public final class MajorityClassBaseline implements Classifier {

    private final List<String> labels;
    private final double[] frequencies;

    /** Class frequencies of {@code trainingLabels} (indices into {@code labels}). */
    public MajorityClassBaseline(List<String> labels, int[] trainingLabels) {
        this.labels = List.copyOf(labels);
        this.frequencies = new double[labels.size()];
        for (int label : trainingLabels) {
            frequencies[label] += 1.0 / trainingLabels.length;
        }
    }

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public double[][] probabilities(List<String> texts) {
        double[][] out = new double[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOf(frequencies, frequencies.length);
        }
        return out;
    }
}
