package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.report.LineChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.report.PeakMemory;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code APP compare} for every app: the baselines and one model per {@link RecurrentSpec} on the
 * same data and split, each model under the same training budget, scored by the same code.
 */
public final class CompareRun {

    /** Learning curves against training time, written beside the report. */
    public static final String CURVES_BY_TIME = "learning-curves-time.png";
    /** Learning curves against parameter updates. */
    public static final String CURVES_BY_UPDATES = "learning-curves-updates.png";

    /**
     * One row of a comparison.
     *
     * @param model        its label ({@code lstm}, {@code 2x_gru}, a baseline's name)
     * @param spec         the recurrent spec, {@code null} for a baseline
     * @param evaluation   its test scores
     * @param training     how it trained, {@code null} for a baseline
     * @param parameters   trainable parameters (0 for a baseline)
     * @param trainSeconds training seconds, preparation included
     * @param peakMiB      peak memory while it trained (0 for a baseline: not measured)
     */
    public record Row(String model, RecurrentSpec spec, Evaluation evaluation, TrainingResult training,
                      long parameters, double trainSeconds, double peakMiB) {

        public boolean baseline() {
            return spec == null;
        }
    }

    /** A trained model with its row, for {@link RnnApp#compareExtras}. */
    public record Compared<M>(Row row, M model) {
    }

    /**
     * One dataset's comparison.
     *
     * @param config  the base configuration (its data)
     * @param loaded  the data as loaded, for {@link RnnApp#compareExtras}
     * @param data    what was compared on
     * @param rows    baselines first, then the models in the order asked
     * @param models  the trained models
     * @param skipped specs the app cannot train, with the reason
     */
    public record Outcome<C, D, M>(C config, D loaded, DataSummary data, List<Row> rows, List<Compared<M>> models,
                                Map<String, String> skipped) {

        /** The recurrent rows only. */
        public List<Row> modelRows() {
            return rows.stream().filter(r -> !r.baseline()).toList();
        }
    }

    private CompareRun() {
    }

    /** The specs {@code app} can train, in order. */
    public static List<RecurrentSpec> supported(RnnApp<?, ?, ?> app, List<RecurrentSpec> specs) {
        return specs.stream().filter(s -> app.unsupported(s).isEmpty()).toList();
    }

    /**
     * Compares, keeping every model in memory only.
     *
     * @param base           data, non-recurrent sizes and training settings shared by every model
     * @param specs          the recurrent variants
     * @param budgetPerModel each model's training budget; {@code null} = the base's own
     * @param progress       gets every model's training, one after another
     */
    public static <C, D, M> Outcome<C, D, M> run(RnnApp<C, D, M> app, C base, List<RecurrentSpec> specs,
                                             Duration budgetPerModel, ProgressReporter progress) {
        return run(app, base, specs, budgetPerModel, progress, null);
    }

    /**
     * Compares, and with {@code keepIn} also writes each model as a model directory
     * {@code keepIn/LABEL} ({@code lstm}, {@code 2x_gru}), exactly as {@code APP train} does: the
     * trainer's {@code model.zip} and {@code checkpoint/}, then {@link TrainRun#save} (side files,
     * {@code app-config.json}, {@code report.md}, {@code results.json}, {@code run.json} last).
     * Writing the model and its checkpoint after each epoch takes from the model's wall-clock
     * budget, not from its training seconds. The models train one after another; see
     * {@link #prepare} and {@link #train} for running them side by side.
     *
     * @param keepIn where the models go; {@code null} keeps them in memory only
     */
    public static <C, D, M> Outcome<C, D, M> run(RnnApp<C, D, M> app, C base, List<RecurrentSpec> specs,
                                             Duration budgetPerModel, ProgressReporter progress, Path keepIn) {
        Prepared<C, D> prepared = prepare(app, base, budgetPerModel);
        List<Compared<M>> models = new ArrayList<>();
        for (RecurrentSpec spec : supported(app, specs)) {
            models.add(train(app, prepared, spec, progress, keepIn));
        }
        return outcome(app, prepared, specs, models);
    }

    /**
     * A comparison's data and baselines, ready for its models to train on, in any order and side
     * by side ({@link #train} only reads them).
     *
     * @param base             the configuration every model starts from
     * @param data             the data as loaded
     * @param summary          what was loaded
     * @param training         every model's training settings (the per-model budget applied)
     * @param baselines        the baselines' test scores
     * @param loadingSeconds   seconds to load the data
     * @param baselineSeconds  seconds to fit and score the baselines
     */
    public record Prepared<C, D>(C base, D data, DataSummary summary, TrainingConfig training, List<Evaluation> baselines,
                                 double loadingSeconds, double baselineSeconds) {
    }

    /** Loads the data and scores the baselines (those that train get the models' budget too). */
    public static <C, D, M> Prepared<C, D> prepare(RnnApp<C, D, M> app, C base, Duration budgetPerModel) {
        long start = System.nanoTime();
        D data = app.load(base);
        DataSummary summary = app.describe(base, data);
        double loadingSeconds = seconds(start);
        TrainingConfig training = app.training(base);
        if (budgetPerModel != null) {
            training = training.withTimeBudget(budgetPerModel);
        }
        start = System.nanoTime();
        // baselines that train (speech's frame classifier) get the models' budget too
        List<Evaluation> baselines = app.baselines(budgetPerModel == null ? base : app.with(base, app.spec(base), training), data);
        return new Prepared<>(base, data, summary, training, List.copyOf(baselines), loadingSeconds, seconds(start));
    }

    /**
     * Trains and scores one model on prepared data; with {@code keepIn}, writes it as
     * {@code keepIn/LABEL} as {@link #run} does.
     * The heap is collected first (which also frees the off-heap buffers of the models trained
     * before); the peak memory is this model's when it trains alone, the process's beside others.
     */
    public static <C, D, M> Compared<M> train(RnnApp<C, D, M> app, Prepared<C, D> prepared, RecurrentSpec spec,
                                              ProgressReporter progress, Path keepIn) {
        C config = app.with(prepared.base(), spec, prepared.training());
        Path modelDir = keepIn == null ? null : keepIn.resolve(safe(spec.label()));
        ModelDirectory directory = modelDir == null ? null : ModelDirectory.create(modelDir);
        TrainContext context = modelDir == null ? TrainContext.inMemory(progress) : new TrainContext(modelDir, false, progress);
        PeakMemory.Measured<Trained<M>> measured = PeakMemory.during(() -> app.train(config, prepared.data(), context));
        Trained<M> trained = measured.value();
        long start = System.nanoTime();
        Evaluation evaluation = app.evaluate(trained.model(), prepared.data());
        double evaluationSeconds = seconds(start);
        Row row = new Row(spec.label(), spec, evaluation, trained.training(), trained.parameters(),
                trained.totalSeconds(), measured.peakMiB());
        if (directory != null) {
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("loading", prepared.loadingSeconds());
            timings.put("training", trained.totalSeconds());
            timings.put("evaluation", evaluationSeconds);
            timings.put("baselines", prepared.baselineSeconds());
            TrainRun.save(app, directory, new TrainRun.Outcome<>(config, prepared.summary(), trained, evaluation,
                    prepared.baselines(), timings, modelDir));
        }
        return new Compared<>(row, trained.model());
    }

    /** The comparison of the models trained on {@code prepared}: baselines first, then {@code models} in order. */
    public static <C, D, M> Outcome<C, D, M> outcome(RnnApp<C, D, M> app, Prepared<C, D> prepared, List<RecurrentSpec> specs,
                                                 List<Compared<M>> models) {
        List<Row> rows = new ArrayList<>();
        for (Evaluation baseline : prepared.baselines()) {
            rows.add(new Row(baseline.model(), null, baseline, null, 0, 0, 0));
        }
        models.forEach(m -> rows.add(m.row()));
        Map<String, String> skipped = new LinkedHashMap<>();
        for (RecurrentSpec spec : specs) {
            app.unsupported(spec).ifPresent(why -> skipped.put(spec.label(), why));
        }
        return new Outcome<>(prepared.base(), prepared.data(), prepared.summary(), rows, List.copyOf(models), skipped);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The comparison table: metrics, then cost (training time, updates, time per update, size, memory) and how training stopped. */
    public static MarkdownTable table(List<Row> rows) {
        List<String> keys = new ArrayList<>();
        for (Row r : rows) {
            r.evaluation().metrics().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(keys);
        header.addAll(List.of("train s", "updates", "ms/update", "parameters", "peak MiB", "stopped by"));
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>(List.of(r.model() + (r.baseline() ? " (baseline)" : "")));
            keys.forEach(k -> cells.add(r.evaluation().metrics().containsKey(k) ? r.evaluation().metrics().get(k) : "–"));
            if (r.baseline()) {
                cells.addAll(List.of("–", "–", "–", "–", "–", "–"));
            } else {
                cells.add(r.trainSeconds());
                cells.add(r.training().updates());
                cells.add(1000 * r.training().secondsPerUpdate());
                cells.add(r.parameters());
                cells.add(r.peakMiB());
                cells.add(r.training().stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            table.row(cells.toArray());
        }
        return table;
    }

    /** The best row by the app's metric, models and baselines alike. */
    public static Row best(List<Row> rows, Metric metric) {
        Row best = null;
        for (Row r : rows) {
            double value = r.evaluation().metrics().getOrDefault(metric.key(), Double.NaN);
            if (Double.isFinite(value) && (best == null || metric.better(value, best.evaluation().metric(metric.key())))) {
                best = r;
            }
        }
        return best == null ? rows.get(0) : best;
    }

    /** Writes the validation-loss curves of every model against training seconds and against updates. */
    public static void writeCurves(List<Row> rows, String title, Path dir) throws IOException {
        LineChart byTime = new LineChart(title + ": validation loss over training time", "training seconds", "validation loss");
        LineChart byUpdates = new LineChart(title + ": validation loss over parameter updates", "updates", "validation loss");
        for (Row r : rows) {
            if (r.baseline() || r.training().history().isEmpty()) {
                continue;
            }
            List<EpochStats> history = r.training().history();
            double[] seconds = new double[history.size()];
            double[] updates = new double[history.size()];
            double[] loss = new double[history.size()];
            double elapsed = 0;
            for (int i = 0; i < history.size(); i++) {
                elapsed += history.get(i).seconds();
                seconds[i] = elapsed;
                updates[i] = history.get(i).updates();
                loss[i] = history.get(i).validationLoss();
            }
            byTime.line(r.model(), seconds, loss);
            byUpdates.line(r.model(), updates, loss);
        }
        byTime.savePng(dir.resolve(CURVES_BY_TIME), 800, 450);
        byUpdates.savePng(dir.resolve(CURVES_BY_UPDATES), 800, 450);
    }

    /** Every number of one dataset's comparison, as results.json holds it. */
    public static Map<String, Object> data(Outcome<?, ?, ?> outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("data", outcome.data());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : outcome.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", r.model());
            row.put("baseline", r.baseline());
            if (!r.baseline()) {
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("cell", r.spec().cell().cliName());
                spec.put("hidden_size", r.spec().hiddenSize());
                spec.put("layers", r.spec().layers());
                spec.put("bidirectional", r.spec().bidirectional());
                spec.put("dropout", r.spec().dropout());
                spec.put("impl", r.spec().impl().cliName());
                row.put("recurrent", spec);
            }
            row.put("metrics", r.evaluation().metrics());
            if (!r.baseline()) {
                row.put("training", RunRecords.summary(r.training(), r.parameters()));
                row.put("train_seconds", r.trainSeconds());
                row.put("peak_mib", r.peakMiB());
            }
            rows.add(row);
        }
        map.put("rows", rows);
        map.put("skipped", outcome.skipped());
        return map;
    }

    /**
     * Writes {@code report.md}, {@code results.json} and the two learning-curve plots of an
     * {@code APP compare} into {@code dir}.
     */
    public static <C, D, M> void write(RnnApp<C, D, M> app, List<? extends Outcome<C, D, M>> outcomes, Path dir) {
        try {
            StringBuilder md = new StringBuilder("# " + app.info().title() + ": compare\n\n");
            List<Map<String, Object>> datasets = new ArrayList<>();
            for (Outcome<C, D, M> outcome : outcomes) {
                Path sub = outcomes.size() == 1 ? dir : dir.resolve(safe(outcome.data().name()));
                java.nio.file.Files.createDirectories(sub);
                writeCurves(outcome.rows(), outcome.data().name(), sub);
                String prefix = outcomes.size() == 1 ? "" : safe(outcome.data().name()) + "/";
                md.append("## ").append(outcome.data().name()).append("\n\n")
                        .append(app.setup(outcome.config(), outcome.data())).append("\n\n")
                        .append(table(outcome.rows()).toMarkdown()).append('\n');
                outcome.skipped().forEach((label, why) -> md.append("Not trained: ").append(label).append(" (")
                        .append(why).append(").\n\n"));
                md.append("![by time](").append(prefix).append(CURVES_BY_TIME).append(")\n![by updates](")
                        .append(prefix).append(CURVES_BY_UPDATES).append(")\n\n");
                CompareExtras extras = app.compareExtras(outcome.config(), outcome.loaded(), outcome.models(), sub);
                for (SectionResult.Titled<Path> image : extras.images()) {
                    md.append("### ").append(image.title()).append("\n\n![").append(image.title()).append("](")
                            .append(relative(dir, image.value())).append(")\n\n");
                }
                for (SectionResult.Titled<String> text : extras.texts()) {
                    md.append("### ").append(text.title()).append("\n\n```\n").append(text.value()).append("```\n\n");
                }
                datasets.add(data(outcome));
            }
            AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("app", app.info().id());
            json.put("created_at", Instant.now().toString());
            json.put("datasets", datasets);
            Json.write(dir.resolve("results.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + dir, e);
        }
    }

    /** {@code file} as a link from a page in {@code dir}. */
    private static String relative(Path dir, Path file) {
        return dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** A dataset name as a directory name. */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() ? "data" : s;
    }
}
