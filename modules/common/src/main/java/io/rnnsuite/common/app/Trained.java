package io.rnnsuite.common.app;

import io.rnnsuite.common.train.TrainingResult;

/**
 * A trained model and how its training went.
 *
 * @param model        the app's model (network plus whatever predicting needs: vocabulary, normaliser)
 * @param training     the trainer's result (history, stop reason, seconds, updates)
 * @param parameters   trainable parameters
 * @param extraSeconds preparation that belongs to this model's training time but is not in
 *                     {@code training} (training word vectors first, say); usually 0
 */
public record Trained<M>(M model, TrainingResult training, long parameters, double extraSeconds) {

    /** Training seconds including the preparation. */
    public double totalSeconds() {
        return training.trainingSeconds() + extraSeconds;
    }
}
