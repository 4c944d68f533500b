package io.rnnsuite.common.app;

import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.DirectoryLock;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.train.Checkpoint;
import io.rnnsuite.common.train.ProgressReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code APP train} for every app: load the data, train, evaluate on the test split beside the
 * baselines, and write the model directory ({@link ModelDirectory}: the trainer's
 * {@code model.zip} and {@code checkpoint/}, the app's side files, {@code app-config.json},
 * {@code report.md}, {@code results.json}, and {@code run.json} last). One run at a time per model
 * directory ({@link DirectoryLock}). A fresh run (not {@code --resume}) into a directory holding an
 * earlier run removes that run first, {@code run.json} first ({@link #retireEarlierRun}), so a
 * killed run never leaves a directory that looks finished but mixes two runs.
 */
public final class TrainRun {

    /**
     * What a train run produced.
     *
     * @param config    the configuration it ran with
     * @param data      what it trained on
     * @param trained   the model and its training
     * @param test      the model's test scores
     * @param baselines the baselines' test scores
     * @param timings   seconds by phase
     * @param outputDir the model directory, or {@code null}
     */
    public record Outcome<C, M>(C config, DataSummary data, Trained<M> trained, Evaluation test,
                                List<Evaluation> baselines, Map<String, Double> timings, Path outputDir) {
    }

    private TrainRun() {
    }

    /**
     * Trains and saves.
     *
     * @param outputDir the model directory; {@code null} keeps the model in memory
     * @param resume    continue from the checkpoint in {@code outputDir}
     */
    public static <C, D, M> Outcome<C, M> run(RnnApp<C, D, M> app, C config, Path outputDir, boolean resume,
                                             ProgressReporter progress) {
        try (DirectoryLock lock = outputDir == null ? null : DirectoryLock.acquire(outputDir, app.info().command() + " train")) {
            return runLocked(app, config, outputDir, resume, progress);
        }
    }

    private static <C, D, M> Outcome<C, M> runLocked(RnnApp<C, D, M> app, C config, Path outputDir, boolean resume,
                                                     ProgressReporter progress) {
        long start = System.nanoTime();
        D data = app.load(config);
        DataSummary summary = app.describe(config, data);
        double loading = seconds(start);
        // created only once the data has loaded: a bad input file leaves no empty model directory behind
        ModelDirectory dir = outputDir == null ? null : ModelDirectory.create(outputDir);
        if (dir != null && !resume) {
            retireEarlierRun(dir, progress);
        }
        Trained<M> trained = app.train(config, data, new TrainContext(outputDir, resume, progress));
        start = System.nanoTime();
        Evaluation test = app.evaluate(trained.model(), data);
        double evaluation = seconds(start);
        start = System.nanoTime();
        List<Evaluation> baselines = app.baselines(config, data);
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("loading", loading);
        timings.put("training", trained.totalSeconds());
        timings.put("evaluation", evaluation);
        timings.put("baselines", seconds(start));
        Outcome<C, M> outcome = new Outcome<>(config, summary, trained, test, baselines, timings, outputDir);
        if (dir != null) {
            save(app, dir, outcome);
        }
        return outcome;
    }

    /**
     * A fresh run into a directory that holds an earlier one removes that run before writing
     * anything: {@code run.json} first (at that instant the directory stops being a finished model),
     * then the earlier {@code report.md}, {@code results.json}, {@code model.zip},
     * {@code app-config.json} and {@code checkpoint/}. From then until the new {@code run.json} is
     * written the directory is an unfinished run, which {@code evaluate} and {@code predict} refuse
     * with one line and {@code --resume} continues once its first epoch is checkpointed; it never
     * holds the new network beside the old run's record, nor the old checkpoint beside the new
     * settings. Files the suite does not write are left alone.
     */
    static void retireEarlierRun(ModelDirectory dir, ProgressReporter progress) {
        boolean finished = Files.isRegularFile(dir.runFile());
        boolean interrupted = !finished && Checkpoint.exists(dir.dir());
        try {
            Files.deleteIfExists(dir.runFile());
            syncDirectory(dir.dir());
            for (String name : EARLIER_RUN_FILES) {
                Files.deleteIfExists(dir.file(name));
            }
            Checkpoint.delete(dir.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier run from " + dir.dir(), e);
        }
        if (progress != null && finished) {
            progress.message("replacing the model in " + dir.dir() + " (its run.json is gone from now until this run ends)");
        } else if (progress != null && interrupted) {
            progress.message("starting afresh in " + dir.dir() + ": the interrupted run's checkpoint was removed"
                    + " (--resume continues a run instead)");
        }
    }

    /** What an earlier run left besides run.json and its checkpoint, removed by a fresh run before it writes. */
    private static final List<String> EARLIER_RUN_FILES = List.of(ModelDirectory.REPORT_FILE, ModelDirectory.RESULTS_FILE,
            ModelDirectory.MODEL_FILE, ModelDirectory.CONFIG_FILE);

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // a file system that cannot sync a directory: the order of the removals still holds for a killed process
        }
    }

    /**
     * Writes what {@code APP train} writes beside the trainer's {@code model.zip}: the app's side files,
     * {@code app-config.json}, {@code report.md}, {@code results.json}, and {@code run.json} last.
     * {@link CompareRun} keeps its models with it too.
     */
    public static <C, D, M> void save(RnnApp<C, D, M> app, ModelDirectory dir, Outcome<C, M> outcome) {
        try {
            app.save(outcome.trained().model(), dir);
            dir.writeConfig(outcome.config());
            AtomicFiles.writeString(dir.file(ModelDirectory.REPORT_FILE), report(app, outcome));
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("app", app.info().id());
            results.put("data", outcome.data());
            results.put("test", evaluations(outcome));
            Json.write(dir.file(ModelDirectory.RESULTS_FILE), results);
            dir.writeRunRecord(RunRecords.of(app, outcome.config(), outcome.data(), outcome.trained(), outcome.test(),
                    outcome.baselines(), outcome.timings()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model directory " + dir.dir(), e);
        }
    }

    /** The model's and the baselines' test scores, the model first. */
    public static List<Evaluation> evaluations(Outcome<?, ?> outcome) {
        List<Evaluation> all = new ArrayList<>();
        all.add(outcome.test());
        all.addAll(outcome.baselines());
        return all;
    }

    /** One table: the model and the baselines, one row each, one column per metric. */
    public static MarkdownTable table(List<Evaluation> evaluations) {
        List<String> keys = new ArrayList<>();
        for (Evaluation e : evaluations) {
            e.metrics().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(keys);
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (Evaluation e : evaluations) {
            List<Object> cells = new ArrayList<>(List.of(e.model() + (e.baseline() ? " (baseline)" : "")));
            keys.forEach(k -> cells.add(e.metrics().containsKey(k) ? e.metrics().get(k) : "–"));
            table.row(cells.toArray());
        }
        return table;
    }

    private static <C, D, M> String report(RnnApp<C, D, M> app, Outcome<C, M> outcome) {
        StringBuilder sb = new StringBuilder("# " + app.info().title() + ": " + app.spec(outcome.config()).label()
                + " on " + outcome.data().name() + "\n\n");
        sb.append(app.setup(outcome.config(), outcome.data())).append("\n\n");
        sb.append("## Test scores beside the baselines\n\n").append(table(evaluations(outcome)).toMarkdown()).append('\n');
        sb.append("Training: ").append(outcome.trained().training().message()).append(String.format(java.util.Locale.ROOT,
                "; %.1f s, %d updates, %d parameters.%n", outcome.trained().totalSeconds(),
                outcome.trained().training().updates(), outcome.trained().parameters()));
        if (outcome.test().detail() != null) {
            sb.append("\n```\n").append(outcome.test().detail()).append("```\n");
        }
        return sb.toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
