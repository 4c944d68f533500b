package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.stats.SeedComparison;
import io.rnnsuite.common.stats.Spread;
import io.rnnsuite.common.train.ParallelRuns;
import io.rnnsuite.common.train.StopReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model app's section of {@code rnn-suite compare}, the same for every app: the app's compare
 * configurations (one per dataset), each run through {@link CompareRun} once per seed on the shared
 * per-model budget, then per dataset a table of every metric as mean ± sd (min–max) over seeds with
 * cost, gradients and how training stopped; the pairwise verdicts tested against the seed spread
 * ({@link SeededComparison}); a summary of the headline metric across datasets when there are
 * several; learning curves against time and against updates; and the app's own extras.
 */
public final class ModelCompareSection<C, D, M> implements CompareSection {

    /** Prefix of the directory a section's models are written into before they replace the kept ones. */
    public static final String STAGING_PREFIX = ".staging-";
    /** Prefix of the kept models being replaced, while they are deleted. */
    public static final String REPLACED_PREFIX = ".replaced-";

    private final RnnApp<C, D, M> app;
    private final Path keepRoot;

    public ModelCompareSection(RnnApp<C, D, M> app) {
        this(app, null);
    }

    private ModelCompareSection(RnnApp<C, D, M> app, Path keepRoot) {
        this.app = app;
        this.keepRoot = keepRoot;
    }

    /**
     * The same section, keeping the first seed's model of every cell as a model directory (what
     * {@code APP train} writes) under {@code root/APP/CELL}, or {@code root/APP/DATASET/CELL} when
     * the app compares on several datasets. The models are written into {@code root/.staging-APP-...}
     * and replace {@code root/APP} in one rename when the section has finished, so {@code root/APP}
     * never mixes two runs; a section that fails leaves the models kept before.
     */
    public ModelCompareSection<C, D, M> keepingModels(Path root) {
        return new ModelCompareSection<>(app, root);
    }

    /** Where {@link #keepingModels} puts this app's models, or {@code null} when it keeps none. */
    public Path keptModels() {
        return keepRoot == null ? null : keepRoot.resolve(app());
    }

    @Override
    public String app() {
        return app.info().command();
    }

    @Override
    public int modelCount(CompareSettings settings) {
        return app.compareConfigs(settings.quick()).size() * CompareRun.supported(app, specs(settings)).size()
                * settings.seeds();
    }

    @Override
    public SectionResult run(CompareSettings settings, Path dir, SectionProgress progress) throws IOException {
        if (keepRoot == null) {
            return run(settings, dir, progress, null);
        }
        Files.createDirectories(keepRoot);
        Path staging = Files.createTempDirectory(keepRoot, STAGING_PREFIX + app() + "-");
        try {
            SectionResult result = run(settings, dir, progress, staging);
            replaceKept(staging);
            return result;
        } finally {
            deleteTree(staging);
        }
    }

    /** Moves the staged models into {@code keepRoot/APP}, the models kept there before out of the way first. */
    private void replaceKept(Path staging) throws IOException {
        Path target = keptModels();
        Path replaced = null;
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            replaced = keepRoot.resolve(REPLACED_PREFIX + app() + "-" + Long.toHexString(System.nanoTime()));
            Files.move(target, replaced, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        if (replaced != null) {
            deleteTree(replaced);
        }
    }

    /** Deletes {@code root} and everything under it, symbolic links themselves and not what they point to. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private SectionResult run(CompareSettings settings, Path dir, SectionProgress progress, Path staging) throws IOException {
        List<RecurrentSpec> specs = specs(settings);
        List<C> configs = app.compareConfigs(settings.quick());
        List<SeededComparison> comparisons = new ArrayList<>();
        List<CompareRun.Outcome<C, D, M>> firstSeed = new ArrayList<>();
        List<SectionResult.Titled<MarkdownTable>> tables = new ArrayList<>();
        List<SectionResult.Titled<Path>> images = new ArrayList<>();
        List<SectionResult.Titled<String>> texts = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        List<SectionFacts> facts = new ArrayList<>();
        MarkdownTable verdicts = new MarkdownTable("dataset", "comparison", "verdict", "p");
        Trainings<C, D, M> trainings = trainAll(settings, configs, specs, progress, staging);
        for (int i = 0; i < configs.size(); i++) {
            List<CompareRun.Outcome<C, D, M>> perSeed = trainings.outcomes().get(i);
            Path keepIn = keepIn(staging, configs.size(), i);
            CompareRun.Outcome<C, D, M> outcome = perSeed.get(0);
            if (keepIn != null && configs.size() > 1 && Files.isDirectory(keepIn)) {
                Files.move(keepIn, staging.resolve(CompareRun.safe(outcome.data().name())));
            }
            firstSeed.add(outcome);
            SeededComparison seeded = new SeededComparison(perSeed, app.primaryMetric());
            comparisons.add(seeded);
            String name = outcome.data().name();
            Path sub = configs.size() == 1 ? dir : dir.resolve(CompareRun.safe(name));
            Files.createDirectories(sub);
            tables.add(new SectionResult.Titled<>((configs.size() == 1 ? "test split: " + name : name)
                    + (settings.seeds() > 1 ? " (" + settings.seeds() + " seeds: mean ± sd (min–max))" : ""), seeded.table()));
            for (SeedComparison v : seeded.verdicts()) {
                verdicts.row(name, v.a() + " vs " + v.b(), v.sentence(), Double.isNaN(v.pValue()) ? "–" : v.pValue());
            }
            CompareRun.writeCurves(curveRows(perSeed, settings.seeds()), name, sub);
            images.add(new SectionResult.Titled<>(name + ": validation loss against training time",
                    sub.resolve(CompareRun.CURVES_BY_TIME)));
            images.add(new SectionResult.Titled<>(name + ": validation loss against parameter updates",
                    sub.resolve(CompareRun.CURVES_BY_UPDATES)));
            ByLength byLength = byLength(perSeed, trainings.byLength().get(i));
            if (byLength != null) {
                Path plot = sub.resolve(BY_LENGTH_PLOT);
                byLength.chart(name).savePng(plot, 800, 450);
                images.add(new SectionResult.Titled<>(name + ": " + byLength.first.metric() + " by " + byLength.first.axis(), plot));
                tables.add(new SectionResult.Titled<>(name + ": test " + byLength.first.metric() + " by " + byLength.first.axis()
                        + (settings.seeds() > 1 ? " (mean over seeds)" : ""), byLength.table()));
            }
            CompareExtras extras = app.compareExtras(outcome.config(), outcome.loaded(), outcome.models(), sub);
            images.addAll(extras.images());
            texts.addAll(extras.texts());
            Map<String, Object> datasetData = seeded.data(perSeed, settings.seedList());
            if (byLength != null) {
                datasetData.put("by_length", byLength.data());
            }
            data.add(datasetData);
            facts.add(seeded.facts(app(), name));
        }
        if (comparisons.size() > 1) {
            tables.add(0, new SectionResult.Titled<>(app.primaryMetric().label() + " per dataset (mean over seeds)",
                    summary(firstSeed, comparisons)));
        }
        tables.add(new SectionResult.Titled<>("verdicts on " + app.primaryMetric().label() + " (Welch's t over seeds, "
                + "α = " + SeedComparison.ALPHA + ")", verdicts));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("app", app.info().id());
        json.put("metric", app.primaryMetric());
        json.put("seeds", settings.seedList());
        json.put("datasets", data);
        String reading = reading(firstSeed, comparisons, settings.seeds());
        Map<String, String> skipped = firstSeed.get(0).skipped();
        if (!skipped.isEmpty()) {
            reading += " Not trained: " + String.join("; ", skipped.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()) + ".";
        }
        return new SectionResult(app(), app.info().title(), app.setup(configs.get(0), firstSeed.get(0).data()), tables,
                reading, images, texts, json, facts);
    }

    /** Where dataset {@code i}'s first-seed models are staged: the staging directory itself when there is one dataset. */
    private static Path keepIn(Path staging, int datasets, int i) {
        // with several datasets each goes under its own name, known once loaded
        return staging == null ? null : datasets == 1 ? staging : staging.resolve(".dataset-" + i);
    }

    /** One trained model of one dataset and seed, with its test metric by length ({@code null} where the app has none). */
    private record Done<M>(CompareRun.Compared<M> compared, LengthBreakdown byLength) {
    }

    /**
     * What a section trained.
     *
     * @param outcomes by dataset, then seed
     * @param byLength each model's test metric by length: by dataset, seed, then model ({@code null}s where the app has none)
     */
    private record Trainings<C, D, M>(List<List<CompareRun.Outcome<C, D, M>>> outcomes,
                                      List<List<List<LengthBreakdown>>> byLength) {
    }

    /** Every dataset's and seed's models, {@link CompareSettings#parallel()} at a time. */
    private Trainings<C, D, M> trainAll(CompareSettings settings, List<C> configs, List<RecurrentSpec> specs,
                                        SectionProgress progress, Path staging) {
        List<Long> seeds = settings.seedList();
        List<RecurrentSpec> supported = CompareRun.supported(app, specs);
        String threadName = "compare-" + app();
        // data and baselines: every dataset's first seed before the other seeds, so that data made on first use
        // (speech's generated corpora) is made once, not by two threads at once
        List<java.util.concurrent.Callable<CompareRun.Prepared<C, D>>> first = new ArrayList<>();
        List<java.util.concurrent.Callable<CompareRun.Prepared<C, D>>> rest = new ArrayList<>();
        for (C base : configs) {
            for (int s = 0; s < seeds.size(); s++) {
                C seeded = app.with(base, app.spec(base), app.training(base).withSeed(seeds.get(s)));
                (s == 0 ? first : rest).add(() -> CompareRun.prepare(app, seeded, settings.budget()));
            }
        }
        List<CompareRun.Prepared<C, D>> firstPrepared = ParallelRuns.run(settings.parallel(), threadName, first);
        List<CompareRun.Prepared<C, D>> restPrepared = ParallelRuns.run(settings.parallel(), threadName, rest);
        List<List<CompareRun.Prepared<C, D>>> prepared = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            List<CompareRun.Prepared<C, D>> perSeed = new ArrayList<>(List.of(firstPrepared.get(i)));
            perSeed.addAll(restPrepared.subList(i * (seeds.size() - 1), (i + 1) * (seeds.size() - 1)));
            prepared.add(perSeed);
        }
        // the models: each training is independent of the others, so they run side by side
        List<java.util.concurrent.Callable<Done<M>>> jobs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            String what = app() + (configs.size() == 1 ? "" : " " + (i + 1) + "/" + configs.size());
            Path keepIn = keepIn(staging, configs.size(), i);
            for (int s = 0; s < seeds.size(); s++) {
                CompareRun.Prepared<C, D> data = prepared.get(i).get(s);
                String heading = what + (settings.seeds() == 1 ? "" : " seed " + seeds.get(s));
                Path keep = s == 0 ? keepIn : null;
                for (RecurrentSpec spec : supported) {
                    jobs.add(() -> {
                        CompareRun.Compared<M> compared = CompareRun.train(app, data, spec,
                                progress.reporter(heading, List.of(spec.label())), keep);
                        return new Done<>(compared, app.byLength(compared.model(), data.data()));
                    });
                }
            }
        }
        List<Done<M>> done = ParallelRuns.run(settings.parallel(), threadName, jobs);
        List<List<CompareRun.Outcome<C, D, M>>> outcomes = new ArrayList<>();
        List<List<List<LengthBreakdown>>> breakdowns = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < configs.size(); i++) {
            List<CompareRun.Outcome<C, D, M>> perSeed = new ArrayList<>();
            List<List<LengthBreakdown>> lengths = new ArrayList<>();
            for (int s = 0; s < seeds.size(); s++) {
                List<Done<M>> models = done.subList(next, next + supported.size());
                next += supported.size();
                perSeed.add(CompareRun.outcome(app, prepared.get(i).get(s), specs,
                        models.stream().map(Done::compared).toList()));
                lengths.add(models.stream().map(Done::byLength).toList());
            }
            outcomes.add(perSeed);
            breakdowns.add(lengths);
        }
        return new Trainings<>(outcomes, breakdowns);
    }

    /** The by-length plot's file, beside each dataset's learning curves. */
    public static final String BY_LENGTH_PLOT = "by-length.png";

    /** Every model's by-length breakdown, averaged over seeds bucket by bucket. */
    private final class ByLength {
        final LengthBreakdown first;
        final Map<String, Map<String, List<Double>>> valuesByModel = new LinkedHashMap<>();
        final Map<String, LengthBreakdown.Bucket> buckets = new LinkedHashMap<>();

        ByLength(LengthBreakdown first) {
            this.first = first;
        }

        void add(String model, LengthBreakdown breakdown) {
            for (LengthBreakdown.Bucket b : breakdown.buckets()) {
                buckets.putIfAbsent(b.label(), b);
                valuesByModel.computeIfAbsent(model, k -> new LinkedHashMap<>()).computeIfAbsent(b.label(), k -> new ArrayList<>())
                        .add(b.value());
            }
        }

        /** The buckets in increasing length, whichever seed saw them first. */
        List<LengthBreakdown.Bucket> ordered() {
            return buckets.values().stream().sorted(java.util.Comparator.comparingDouble(LengthBreakdown.Bucket::x)).toList();
        }

        double mean(String model, String bucket) {
            List<Double> values = valuesByModel.getOrDefault(model, Map.of()).get(bucket);
            return values == null ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        io.rnnsuite.common.report.LineChart chart(String name) {
            io.rnnsuite.common.report.LineChart chart = new io.rnnsuite.common.report.LineChart(
                    name + ": test " + first.metric() + " by " + first.axis(), first.axis(), first.metric());
            for (String model : valuesByModel.keySet()) {
                List<LengthBreakdown.Bucket> present = ordered().stream()
                        .filter(b -> Double.isFinite(mean(model, b.label()))).toList();
                if (!present.isEmpty()) {
                    chart.line(model, present.stream().mapToDouble(LengthBreakdown.Bucket::x).toArray(),
                            present.stream().mapToDouble(b -> mean(model, b.label())).toArray());
                }
            }
            return chart;
        }

        MarkdownTable table() {
            List<String> header = new ArrayList<>(List.of("model"));
            ordered().forEach(b -> header.add(b.label() + " (n " + b.count() + ")"));
            MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
            for (String model : valuesByModel.keySet()) {
                List<Object> cells = new ArrayList<>(List.of(model));
                ordered().forEach(b -> cells.add(mean(model, b.label())));
                table.row(cells.toArray());
            }
            return table;
        }

        Map<String, Object> data() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("axis", first.axis());
            map.put("metric", first.metric());
            map.put("buckets", ordered());
            map.put("values_by_model", valuesByModel);
            return map;
        }
    }

    private ByLength byLength(List<CompareRun.Outcome<C, D, M>> perSeed, List<List<LengthBreakdown>> lengths) {
        ByLength result = null;
        for (int s = 0; s < perSeed.size(); s++) {
            List<CompareRun.Compared<M>> models = perSeed.get(s).models();
            for (int k = 0; k < models.size(); k++) {
                LengthBreakdown breakdown = lengths.get(s).get(k);
                if (breakdown == null) {
                    return null;
                }
                if (result == null) {
                    result = new ByLength(breakdown);
                }
                result.add(models.get(k).row().model(), breakdown);
            }
        }
        return result;
    }

    /** Every seed's curve, each labelled with its seed when there are several. */
    private static List<CompareRun.Row> curveRows(List<? extends CompareRun.Outcome<?, ?, ?>> perSeed, int seeds) {
        List<CompareRun.Row> rows = new ArrayList<>();
        for (int s = 0; s < perSeed.size(); s++) {
            for (CompareRun.Row r : perSeed.get(s).rows()) {
                rows.add(seeds == 1 ? r : new CompareRun.Row(r.model() + " #" + (s + 1), r.spec(), r.evaluation(), r.training(),
                        r.parameters(), r.trainSeconds(), r.peakMiB()));
            }
        }
        return rows;
    }

    /** The comparison's variants at the width of this app's (first) compare configuration unless --hidden was given. */
    private List<RecurrentSpec> specs(CompareSettings settings) {
        return settings.specs(app.spec(app.compareConfigs(settings.quick()).get(0)).hiddenSize());
    }

    private MarkdownTable summary(List<CompareRun.Outcome<C, D, M>> outcomes, List<SeededComparison> comparisons) {
        Metric metric = app.primaryMetric();
        // datasets may have different baselines (or skip different variants): one column per model seen anywhere
        List<String> models = new ArrayList<>();
        comparisons.forEach(c -> c.aggregates().stream().map(SeededComparison.Aggregate::model)
                .filter(m -> !models.contains(m)).forEach(models::add));
        List<String> header = new ArrayList<>(List.of("dataset"));
        header.addAll(models);
        header.add("best");
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (int i = 0; i < outcomes.size(); i++) {
            List<Object> cells = new ArrayList<>(List.of(outcomes.get(i).data().name()));
            SeededComparison c = comparisons.get(i);
            for (String model : models) {
                Spread s = c.aggregates().stream().filter(a -> a.model().equals(model)).findFirst()
                        .map(a -> a.metrics().get(metric.key())).orElse(null);
                cells.add(s == null ? "–" : s.format());
            }
            SeededComparison.Aggregate best = c.best(c.aggregates());
            cells.add(best == null ? "–" : best.model());
            table.row(cells.toArray());
        }
        return table;
    }

    private String reading(List<CompareRun.Outcome<C, D, M>> outcomes, List<SeededComparison> comparisons, int seeds) {
        Metric metric = app.primaryMetric();
        StringBuilder text = new StringBuilder();
        int beatsBaselines = 0;
        int ties = 0;
        int tested = 0;
        List<CompareRun.Row> modelRows = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            SeededComparison c = comparisons.get(i);
            List<SeedComparison> verdicts = c.verdicts();
            for (SeedComparison v : verdicts) {
                if (v.verdict() != SeedComparison.Verdict.UNTESTED) {
                    tested++;
                    ties += v.verdict() == SeedComparison.Verdict.TIES ? 1 : 0;
                }
            }
            SeededComparison.Aggregate bestModel = c.best(c.aggregates().stream().filter(a -> !a.baseline()).toList());
            SeededComparison.Aggregate bestAll = c.best(c.aggregates());
            beatsBaselines += bestModel != null && bestModel == bestAll ? 1 : 0;
            c.aggregates().stream().filter(a -> !a.baseline()).forEach(a -> modelRows.addAll(a.runs()));
            if (comparisons.size() == 1) {
                SeededComparison.Aggregate bestBaseline = c.best(c.aggregates().stream().filter(SeededComparison.Aggregate::baseline).toList());
                text.append(String.format(Locale.ROOT, "Best recurrent model by %s: %s (%s)", metric.label(),
                        bestModel == null ? "–" : bestModel.model(),
                        bestModel == null ? "–" : bestModel.metrics().get(metric.key()).format()));
                if (bestBaseline != null) {
                    text.append(String.format(Locale.ROOT, "; best baseline: %s (%s)", bestBaseline.model(),
                            bestBaseline.metrics().get(metric.key()).format()));
                }
                text.append(". ");
                verdicts.forEach(v -> text.append(v.sentence()).append(". "));
                String atTime = c.bestAtEqual(true);
                String atUpdates = c.bestAtEqual(false);
                if (atTime != null) {
                    text.append("Lowest validation loss at equal training time: ").append(atTime)
                            .append("; at equal updates: ").append(atUpdates).append(". ");
                }
            }
        }
        if (comparisons.size() > 1) {
            text.append(String.format(Locale.ROOT, "The best recurrent model beats every baseline by %s on %d of %d datasets. ",
                    metric.label(), beatsBaselines, comparisons.size()));
        }
        if (seeds == 1) {
            text.append("One seed: no verdict can be told from noise (run with --seeds 3). ");
        } else if (tested > 0) {
            text.append(String.format(Locale.ROOT, "%d of %d pairwise comparisons are ties within the spread of %d seeds. ",
                    ties, tested, seeds));
        }
        return text.append(budgetNote(modelRows)).toString().trim();
    }

    /** Says how many trainings the budget cut off, so a verdict is not read as the cell's. */
    private static String budgetNote(List<CompareRun.Row> rows) {
        long cut = rows.stream().filter(r -> r.training().stopReason() == StopReason.TIME_BUDGET).count();
        return cut == 0 ? "Every training stopped by itself (early stopping or its epoch limit)."
                : String.format(Locale.ROOT, "%d of %d trainings were stopped by the time budget and may still have been "
                        + "learning (see 'stopped by' and 'last-epoch Δ val').", cut, rows.size());
    }
}
