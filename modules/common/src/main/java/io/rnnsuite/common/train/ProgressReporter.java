package io.rnnsuite.common.train;

/** Receives training progress; {@link ConsoleProgress} draws it, {@link #SILENT} drops it. */
public interface ProgressReporter {

    ProgressReporter SILENT = new ProgressReporter() {
    };

    default void epochStarted(int epoch, int maxEpochs, int batches) {
    }

    default void batchFinished(int batch, double loss) {
    }

    default void epochFinished(EpochStats stats, int maxEpochs, double etaSeconds) {
    }

    default void message(String line) {
    }

    /** Called once when {@link Trainer#train} returns, after its closing {@link #message}. */
    default void trainingFinished(TrainingResult result) {
    }
}
