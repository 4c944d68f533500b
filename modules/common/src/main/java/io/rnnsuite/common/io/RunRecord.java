package io.rnnsuite.common.io;

import java.util.List;
import java.util.Map;

/**
 * Provenance written as {@code run.json} beside every saved {@code model.zip}: enough to know
 * how the model was made and to check it was made from the same data.
 *
 * @param app            which app wrote the model ({@code timeseries-forecast}, ...); loading a
 *                       model checks this
 * @param createdAt      ISO-8601 instant
 * @param config         the app's full configuration record
 * @param seed           the random seed
 * @param versions       rnn-suite, DL4J, Java and OS versions
 * @param dataset        dataset name (or the user's file path)
 * @param datasetSha256  SHA-256 of the dataset bytes
 * @param parameters     number of trainable parameters
 * @param metrics        final metrics, by name
 * @param timings        seconds, by phase ({@code training}, {@code evaluation}, ...)
 * @param training       per-epoch history and how training stopped
 */
public record RunRecord(String app, String createdAt, Object config, long seed, Map<String, String> versions,
                        String dataset, String datasetSha256, long parameters, Map<String, Object> metrics,
                        Map<String, Double> timings, TrainingSummary training) {

    /**
     * How training went, in run.json.
     *
     * @param stopReason     why it ended
     * @param bestEpoch      epoch whose parameters were kept
     * @param epochs         per-epoch losses and seconds
     * @param sequencesPerSecond training throughput
     */
    public record TrainingSummary(String stopReason, int bestEpoch, List<?> epochs, double sequencesPerSecond) {
    }
}
