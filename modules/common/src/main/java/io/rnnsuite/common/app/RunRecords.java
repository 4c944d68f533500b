package io.rnnsuite.common.app;

import io.rnnsuite.common.io.MachineInfo;
import io.rnnsuite.common.io.RunRecord;
import io.rnnsuite.common.io.Versions;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.TrainingResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds every app's {@link RunRecord}: the one place its shape is decided. */
public final class RunRecords {

    private RunRecords() {
    }

    /** The record of one finished train run. */
    public static <C, D, M> RunRecord of(RnnApp<C, D, M> app, C config, DataSummary data, Trained<M> trained,
                                         Evaluation test, List<Evaluation> baselines, Map<String, Double> timings) {
        Map<String, String> versions = Versions.current();
        Map<String, String> libraries = new LinkedHashMap<>(versions);
        String suiteVersion = libraries.remove("rnn-suite");
        libraries.put("nd4j", versions.get("deeplearning4j"));
        libraries.put("blas", io.rnnsuite.layers.BlasLibrary.describe());
        Map<String, Map<String, Object>> baselineMetrics = new LinkedHashMap<>();
        for (Evaluation baseline : baselines) {
            baselineMetrics.put(baseline.model(), new LinkedHashMap<>(baseline.metrics()));
        }
        MachineInfo machine = MachineInfo.now();
        return new RunRecord(RunRecord.SCHEMA_VERSION, app.info().id(), suiteVersion, Instant.now().toString(), config,
                app.spec(config), app.training(config).seed(),
                new RunRecord.DataRecord(data.name(), data.source(), data.sha256(), data.details()),
                libraries, new LinkedHashMap<>(test.metrics()), baselineMetrics, new LinkedHashMap<>(timings),
                summary(trained.training(), trained.parameters()),
                new RunRecord.MachineRecord(machine.cores(), machine.cpu(), machine.os(), machine.runtime()));
    }

    /** How training went, with the per-epoch history under snake_case keys. */
    public static RunRecord.TrainingSummary summary(TrainingResult training, long parameters) {
        return new RunRecord.TrainingSummary(training.stopReason().name().toLowerCase(Locale.ROOT), training.bestEpoch(),
                epochs(training.history()), training.sequencesPerSecond(), training.updates(), parameters, training.cluster());
    }

    /** The per-epoch history as the run record and results.json write it. */
    public static List<Map<String, Object>> epochs(List<EpochStats> history) {
        List<Map<String, Object>> epochs = new ArrayList<>();
        double seconds = 0;
        for (EpochStats e : history) {
            seconds += e.seconds();
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("epoch", e.epoch());
            map.put("train_loss", e.trainLoss());
            map.put("validation_loss", e.validationLoss());
            map.put("seconds", e.seconds());
            map.put("elapsed_seconds", seconds);
            map.put("updates", e.updates());
            map.put("improved", e.improved());
            epochs.add(map);
        }
        return epochs;
    }
}
