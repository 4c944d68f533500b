package io.rnnsuite.common.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rnnsuite.common.RecurrentSpec;
import java.util.List;
import java.util.Map;

/**
 * Provenance written as {@code run.json} beside every saved model, by every app in the same
 * shape (schema: {@code docs/run-record.schema.json}, version {@link #SCHEMA_VERSION}); built in
 * one place, {@link RunRecords}. Keys are snake_case.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param app            which app wrote the model ({@code text-classification}, ...); loading checks it
 * @param suiteVersion   rnn-suite's version
 * @param createdAt      ISO-8601 instant
 * @param appConfig      the app's full configuration (also in {@code app-config.json}, which loading reads)
 * @param recurrent      cell, width, depth, direction, dropout and implementation
 * @param seed           the random seed
 * @param data           the data source and the SHA-256 of its bytes (never null)
 * @param libraries      DL4J, ND4J, Java versions and the BLAS library the products ran on ({@code blas})
 * @param metrics        test metrics of the model, snake_case keys
 * @param baselines      each baseline's test metrics, by baseline name
 * @param timings        seconds by phase ({@code training}, {@code evaluation}, {@code baselines})
 * @param training       per-epoch history and how training stopped
 * @param machine        where it ran
 */
public record RunRecord(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("app") String app,
        @JsonProperty("suite_version") String suiteVersion,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("app_config") Object appConfig,
        @JsonProperty("recurrent") RecurrentSpec recurrent,
        @JsonProperty("seed") long seed,
        @JsonProperty("data") DataRecord data,
        @JsonProperty("libraries") Map<String, String> libraries,
        @JsonProperty("metrics") Map<String, Object> metrics,
        @JsonProperty("baselines") Map<String, Map<String, Object>> baselines,
        @JsonProperty("timings") Map<String, Double> timings,
        @JsonProperty("training") TrainingSummary training,
        @JsonProperty("machine") MachineRecord machine) {

    /** The version of this shape; raise it when a key changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 2;

    /**
     * What a model was trained and tested on.
     *
     * @param name    the bundled dataset's name or the user's file
     * @param source  how it was obtained ({@code bundled}, {@code file}, {@code generated})
     * @param sha256  SHA-256 of the bytes (for generated data: of its canonical text)
     * @param details counts and sizes, snake_case keys
     */
    public record DataRecord(@JsonProperty("name") String name, @JsonProperty("source") String source,
                             @JsonProperty("sha256") String sha256, @JsonProperty("details") Map<String, Object> details) {
    }

    /**
     * How training went.
     *
     * @param stopReason         {@code max_epochs}, {@code early_stopping}, {@code time_budget}, {@code diverged}, {@code target_reached}
     * @param bestEpoch          epoch whose parameters were kept
     * @param epochs             per epoch: epoch, train_loss, validation_loss, seconds, improved
     * @param sequencesPerSecond training throughput
     * @param updates            parameter updates (minibatches) over the whole run
     * @param parameters         trainable parameters
     * @param cluster            where the minibatches were fitted when not in this process (master,
     *                           workers, averaging frequency); absent from the JSON when {@code null}
     */
    public record TrainingSummary(@JsonProperty("stop_reason") String stopReason,
                                  @JsonProperty("best_epoch") int bestEpoch,
                                  @JsonProperty("epochs") List<Map<String, Object>> epochs,
                                  @JsonProperty("sequences_per_second") double sequencesPerSecond,
                                  @JsonProperty("updates") long updates,
                                  @JsonProperty("parameters") long parameters,
                                  @JsonProperty("cluster") @JsonInclude(JsonInclude.Include.NON_NULL)
                                  Map<String, Object> cluster) {

        /** A summary of training in this process. */
        public TrainingSummary(String stopReason, int bestEpoch, List<Map<String, Object>> epochs,
                               double sequencesPerSecond, long updates, long parameters) {
            this(stopReason, bestEpoch, epochs, sequencesPerSecond, updates, parameters, null);
        }
    }

    /**
     * The machine a model was trained on.
     *
     * @param cores   logical processors
     * @param cpu     model name
     * @param os      name and version
     * @param runtime JVM name and version
     */
    public record MachineRecord(@JsonProperty("cores") int cores, @JsonProperty("cpu") String cpu,
                                @JsonProperty("os") String os, @JsonProperty("runtime") String runtime) {
    }
}
