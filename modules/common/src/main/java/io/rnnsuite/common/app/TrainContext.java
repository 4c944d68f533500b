package io.rnnsuite.common.app;

import io.rnnsuite.common.train.ProgressReporter;
import java.nio.file.Path;

/**
 * Where and how {@link RnnApp#train} runs: hand {@code outputDir} and {@code resume} to the
 * {@link io.rnnsuite.common.train.Trainer}, which writes {@code model.zip} and {@code checkpoint/} there.
 *
 * @param outputDir the model directory, or {@code null} to keep everything in memory (compare)
 * @param resume    continue from the checkpoint in {@code outputDir}
 * @param progress  where training progress goes
 */
public record TrainContext(Path outputDir, boolean resume, ProgressReporter progress) {

    public TrainContext {
        progress = progress == null ? ProgressReporter.SILENT : progress;
    }

    /** In memory, no resume. */
    public static TrainContext inMemory(ProgressReporter progress) {
        return new TrainContext(null, false, progress);
    }
}
