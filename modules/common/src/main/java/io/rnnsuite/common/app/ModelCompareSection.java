package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.report.MarkdownTable;
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
 * configurations (one per dataset) each run through {@link CompareRun} on the shared per-model
 * budget, then one table per dataset, a summary of the headline metric across datasets when there
 * are several, learning curves against time and against updates, and the app's own extras.
 */
public final class ModelCompareSection<C, D, M> implements CompareSection {

    private final RnnApp<C, D, M> app;

    public ModelCompareSection(RnnApp<C, D, M> app) {
        this.app = app;
    }

    @Override
    public String app() {
        return app.info().command();
    }

    @Override
    public int modelCount(CompareSettings settings) {
        return app.compareConfigs(settings.quick()).size() * CompareRun.supported(app, specs(settings)).size();
    }

    @Override
    public SectionResult run(CompareSettings settings, Path dir, SectionProgress progress) throws IOException {
        List<RecurrentSpec> specs = CompareRun.supported(app, specs(settings));
        List<String> labels = specs.stream().map(RecurrentSpec::label).toList();
        List<C> configs = app.compareConfigs(settings.quick());
        List<CompareRun.Outcome<C, D, M>> outcomes = new ArrayList<>();
        List<SectionResult.Titled<MarkdownTable>> tables = new ArrayList<>();
        List<SectionResult.Titled<Path>> images = new ArrayList<>();
        List<SectionResult.Titled<String>> texts = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            C base = configs.get(i);
            C seeded = app.with(base, app.spec(base), app.training(base).withSeed(settings.seed()));
            String what = configs.size() == 1 ? app() : app() + " " + (i + 1) + "/" + configs.size();
            CompareRun.Outcome<C, D, M> outcome = CompareRun.run(app, seeded, specs(settings), settings.budget(),
                    progress.reporter(what, labels));
            outcomes.add(outcome);
            Path sub = configs.size() == 1 ? dir : dir.resolve(CompareRun.safe(outcome.data().name()));
            Files.createDirectories(sub);
            String name = outcome.data().name();
            tables.add(new SectionResult.Titled<>(configs.size() == 1 ? "test split: " + name : name,
                    CompareRun.table(outcome.rows())));
            CompareRun.writeCurves(outcome.rows(), name, sub);
            images.add(new SectionResult.Titled<>(name + ": validation loss against training time",
                    sub.resolve(CompareRun.CURVES_BY_TIME)));
            images.add(new SectionResult.Titled<>(name + ": validation loss against parameter updates",
                    sub.resolve(CompareRun.CURVES_BY_UPDATES)));
            CompareExtras extras = app.compareExtras(seeded, outcome.loaded(), outcome.models(), sub);
            images.addAll(extras.images());
            texts.addAll(extras.texts());
            data.add(CompareRun.data(outcome));
        }
        if (outcomes.size() > 1) {
            tables.add(0, new SectionResult.Titled<>(app.primaryMetric().label() + " per dataset", summary(outcomes)));
        }
        C first = configs.get(0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("app", app.info().id());
        json.put("metric", app.primaryMetric());
        json.put("datasets", data);
        return new SectionResult(app(), app.info().title(), app.setup(first, outcomes.get(0).data()), tables,
                reading(outcomes), images, texts, json);
    }

    /** The comparison's variants at this app's default width unless --hidden was given. */
    private List<RecurrentSpec> specs(CompareSettings settings) {
        return settings.specs(app.spec(app.defaults(settings.quick())).hiddenSize());
    }

    private MarkdownTable summary(List<CompareRun.Outcome<C, D, M>> outcomes) {
        Metric metric = app.primaryMetric();
        List<String> header = new ArrayList<>(List.of("dataset"));
        outcomes.get(0).rows().forEach(r -> header.add(r.model()));
        header.add("best");
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (CompareRun.Outcome<C, D, M> outcome : outcomes) {
            List<Object> cells = new ArrayList<>(List.of(outcome.data().name()));
            outcome.rows().forEach(r -> cells.add(r.evaluation().metrics().getOrDefault(metric.key(), Double.NaN)));
            cells.add(CompareRun.best(outcome.rows(), metric).model());
            table.row(cells.toArray());
        }
        return table;
    }

    private String reading(List<CompareRun.Outcome<C, D, M>> outcomes) {
        Metric metric = app.primaryMetric();
        if (outcomes.size() == 1) {
            CompareRun.Outcome<C, D, M> o = outcomes.get(0);
            CompareRun.Row bestModel = CompareRun.best(o.modelRows(), metric);
            List<CompareRun.Row> baselines = o.rows().stream().filter(CompareRun.Row::baseline).toList();
            String text = String.format(Locale.ROOT, "Best recurrent model by %s: %s (%s)", metric.label(), bestModel.model(),
                    MarkdownTable.number(bestModel.evaluation().metric(metric.key())));
            if (!baselines.isEmpty()) {
                CompareRun.Row bestBaseline = CompareRun.best(baselines, metric);
                text += String.format(Locale.ROOT, "; best baseline: %s (%s)", bestBaseline.model(),
                        MarkdownTable.number(bestBaseline.evaluation().metric(metric.key())));
            }
            return text + "." + budgetNote(o.modelRows());
        }
        int beats = 0;
        List<CompareRun.Row> all = new ArrayList<>();
        for (CompareRun.Outcome<C, D, M> o : outcomes) {
            CompareRun.Row bestModel = CompareRun.best(o.modelRows(), metric);
            List<CompareRun.Row> baselines = o.rows().stream().filter(CompareRun.Row::baseline).toList();
            if (baselines.isEmpty() || CompareRun.best(o.rows(), metric) == bestModel) {
                beats++;
            }
            all.addAll(o.modelRows());
        }
        return String.format(Locale.ROOT, "The best recurrent model beats every baseline by %s on %d of %d datasets.",
                metric.label(), beats, outcomes.size()) + budgetNote(all);
    }

    /** Says how many models the budget cut off, so a verdict is not read as the cell's. */
    private static String budgetNote(List<CompareRun.Row> rows) {
        long cut = rows.stream().filter(r -> r.training().stopReason() == io.rnnsuite.common.train.StopReason.TIME_BUDGET).count();
        return cut == 0 ? " Every model stopped by itself (early stopping or its epoch limit)."
                : String.format(Locale.ROOT, " %d of %d models were stopped by the time budget and may still have been learning.",
                        cut, rows.size());
    }
}
