package io.rnnsuite.textclf.model;

import io.rnnsuite.common.eval.ClassificationMetrics;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.LabelledExample;
import java.util.List;

/**
 * One classifier scored on one set of examples by the same code for every model and baseline.
 *
 * @param name         the classifier's name
 * @param metrics      accuracy, macro-F1, per-class scores, confusion matrix
 * @param seconds      wall time of prediction
 * @param textsPerSecond prediction throughput
 */
public record ClassifierEvaluation(String name, ClassificationMetrics metrics, double seconds, double textsPerSecond) {

    /** Predicts every example and compares with its label (labels indexed as in {@code split}). */
    public static ClassifierEvaluation of(Classifier classifier, DataSplit split, List<LabelledExample> examples) {
        List<String> texts = examples.stream().map(LabelledExample::text).toList();
        long start = System.nanoTime();
        int[] predicted = classifier.predict(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassificationMetrics metrics = ClassificationMetrics.of(split.labelIndices(examples), predicted, split.labels());
        return new ClassifierEvaluation(classifier.name(), metrics, seconds, examples.size() / Math.max(seconds, 1e-9));
    }
}
