package io.rnnsuite.common.app;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.stats.SeedComparison;
import io.rnnsuite.common.stats.Spread;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.StopReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One dataset's comparison over several seeds: every metric as mean ± standard deviation
 * (min–max), the pairwise verdicts the textbooks argue about (LSTM vs SimpleRnn, GRU vs LSTM,
 * BiLSTM vs LSTM, best recurrent model vs best baseline) tested against the seed-to-seed spread,
 * which model learns most per update and per second, how each stopped, and its gradients.
 */
public final class SeededComparison {

    /**
     * One model over the seeds.
     *
     * @param model       label
     * @param spec        recurrent spec, {@code null} for a baseline
     * @param metrics     each metric's spread
     * @param runs        the per-seed rows
     */
    public record Aggregate(String model, RecurrentSpec spec, Map<String, Spread> metrics, List<CompareRun.Row> runs) {

        public boolean baseline() {
            return spec == null;
        }

        Spread of(ToDoubleFunction<CompareRun.Row> value) {
            return Spread.of(runs.stream().mapToDouble(value).toArray());
        }

        double[] values(String key) {
            return runs.stream().mapToDouble(r -> r.evaluation().metrics().getOrDefault(key, Double.NaN)).toArray();
        }

        /** How the seeds' trainings ended: {@code early stopping}, {@code 2× time budget, 1× max epochs}. */
        String stops() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            runs.forEach(r -> counts.merge(r.training().stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1, Integer::sum));
            if (counts.size() == 1 && runs.size() == 1) {
                return counts.keySet().iterator().next();
            }
            return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).toList());
        }

        /** Mean change of validation loss over the last epoch of the runs the budget cut (NaN if none or one epoch). */
        double lastEpochSlope() {
            return runs.stream().filter(r -> r.training().stopReason() == StopReason.TIME_BUDGET && r.training().history().size() > 1)
                    .mapToDouble(r -> {
                        List<EpochStats> h = r.training().history();
                        return h.get(h.size() - 1).validationLoss() - h.get(h.size() - 2).validationLoss();
                    }).average().orElse(Double.NaN);
        }
    }

    private final Metric metric;
    private final List<Aggregate> aggregates;
    private final int seeds;

    /** @param perSeed one outcome per seed, same data and specs */
    public SeededComparison(List<? extends CompareRun.Outcome<?, ?, ?>> perSeed, Metric metric) {
        this.metric = metric;
        this.seeds = perSeed.size();
        Map<String, List<CompareRun.Row>> byModel = new LinkedHashMap<>();
        for (CompareRun.Outcome<?, ?, ?> outcome : perSeed) {
            outcome.rows().forEach(r -> byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r));
        }
        List<Aggregate> all = new ArrayList<>();
        byModel.forEach((model, runs) -> {
            Map<String, Spread> metrics = new LinkedHashMap<>();
            runs.get(0).evaluation().metrics().keySet().forEach(key -> metrics.put(key, Spread.of(runs.stream()
                    .mapToDouble(r -> r.evaluation().metrics().getOrDefault(key, Double.NaN)).toArray())));
            all.add(new Aggregate(model, runs.get(0).spec(), metrics, runs));
        });
        this.aggregates = List.copyOf(all);
    }

    public List<Aggregate> aggregates() {
        return aggregates;
    }

    public int seeds() {
        return seeds;
    }

    private List<Aggregate> models() {
        return aggregates.stream().filter(a -> !a.baseline()).toList();
    }

    /** The best aggregate by the headline metric's mean, among {@code candidates}. */
    Aggregate best(List<Aggregate> candidates) {
        Aggregate best = null;
        for (Aggregate a : candidates) {
            Spread s = a.metrics().get(metric.key());
            if (s != null && s.n() > 0 && (best == null || metric.better(s.mean(), best.metrics().get(metric.key()).mean()))) {
                best = a;
            }
        }
        return best;
    }

    /** The unidirectional single-cell variant of {@code cell} (any depth), or {@code null}. */
    private Aggregate find(CellType cell, boolean bidirectional) {
        return models().stream().filter(a -> a.spec().cell() == cell && a.spec().bidirectional() == bidirectional)
                .findFirst().orElse(null);
    }

    /** The pairwise verdicts on the headline metric, for the pairs present. */
    public List<SeedComparison> verdicts() {
        List<SeedComparison> verdicts = new ArrayList<>();
        addVerdict(verdicts, find(CellType.LSTM, false), find(CellType.SIMPLE_RNN, false));
        addVerdict(verdicts, find(CellType.GRU, false), find(CellType.LSTM, false));
        addVerdict(verdicts, find(CellType.LSTM, true), find(CellType.LSTM, false));
        Aggregate bestModel = best(models());
        Aggregate bestBaseline = best(aggregates.stream().filter(Aggregate::baseline).toList());
        addVerdict(verdicts, bestModel, bestBaseline);
        return verdicts;
    }

    private void addVerdict(List<SeedComparison> verdicts, Aggregate a, Aggregate b) {
        if (a != null && b != null && a != b) {
            verdicts.add(SeedComparison.of(a.model(), a.values(metric.key()), b.model(), b.values(metric.key()),
                    metric.lowerIsBetter()));
        }
    }

    /** The model with the lowest mean validation loss at the smallest update count (or training time) any model reached. */
    public String bestAtEqual(boolean byTime) {
        List<Aggregate> models = models();
        if (models.isEmpty()) {
            return null;
        }
        double[] sums = new double[models.size()];
        for (int seed = 0; seed < seeds; seed++) {
            double common = Double.MAX_VALUE;
            for (Aggregate a : models) {
                List<EpochStats> h = a.runs().get(seed).training().history();
                if (h.isEmpty()) {
                    return null;
                }
                common = Math.min(common, byTime ? elapsed(h, h.size() - 1) : h.get(h.size() - 1).updates());
            }
            for (int m = 0; m < models.size(); m++) {
                sums[m] += lossAt(models.get(m).runs().get(seed).training().history(), common, byTime);
            }
        }
        int best = 0;
        for (int m = 1; m < sums.length; m++) {
            if (sums[m] < sums[best]) {
                best = m;
            }
        }
        return Double.isFinite(sums[best]) ? models.get(best).model() : null;
    }

    private static double elapsed(List<EpochStats> h, int index) {
        double seconds = 0;
        for (int i = 0; i <= index; i++) {
            seconds += h.get(i).seconds();
        }
        return seconds;
    }

    /** Validation loss at {@code x} updates (or seconds), linear between epoch ends, the first epoch's before it. */
    static double lossAt(List<EpochStats> h, double x, boolean byTime) {
        double prevX = 0;
        double prevLoss = h.get(0).validationLoss();
        for (int i = 0; i < h.size(); i++) {
            double xi = byTime ? elapsed(h, i) : h.get(i).updates();
            double li = h.get(i).validationLoss();
            if (xi >= x) {
                if (i == 0 || xi == prevX) {
                    return li;
                }
                return prevLoss + (li - prevLoss) * (x - prevX) / (xi - prevX);
            }
            prevX = xi;
            prevLoss = li;
        }
        return prevLoss;
    }

    /** The table: every metric as mean ± sd (min–max), then cost, gradients and how training stopped. */
    public MarkdownTable table() {
        List<String> keys = new ArrayList<>();
        aggregates.forEach(a -> a.metrics().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add));
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(keys);
        header.addAll(List.of("train s", "updates", "ms/update", "ms/example", "parameters", "peak MiB",
                "max grad norm", "clipped", "stopped by", "last-epoch Δ val"));
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (Aggregate a : aggregates) {
            List<Object> cells = new ArrayList<>(List.of(a.model() + (a.baseline() ? " (baseline)" : "")));
            keys.forEach(k -> cells.add(a.metrics().containsKey(k) ? a.metrics().get(k).format() : "–"));
            if (a.baseline()) {
                for (int i = 0; i < 10; i++) {
                    cells.add("–");
                }
            } else {
                cells.add(a.of(CompareRun.Row::trainSeconds).format());
                cells.add(a.of(r -> r.training().updates()).format());
                cells.add(a.of(r -> 1000 * r.training().secondsPerUpdate()).format());
                cells.add(a.of(r -> r.training().sequencesSeen() > 0
                        ? 1000 * r.training().trainingSeconds() / r.training().sequencesSeen() : Double.NaN).format());
                cells.add(a.runs().get(0).parameters());
                cells.add(a.of(CompareRun.Row::peakMiB).format());
                cells.add(maxGradientNorm(a));
                cells.add(String.format(Locale.ROOT, "%.0f %%", 100 * clippedShare(a)));
                cells.add(a.stops());
                double slope = a.lastEpochSlope();
                cells.add(Double.isNaN(slope) ? "–" : MarkdownTable.number(slope));
            }
            table.row(cells.toArray());
        }
        return table;
    }

    static double maxGradientNorm(Aggregate a) {
        return a.runs().stream().mapToDouble(r -> r.training().maxGradientNorm()).max().orElse(Double.NaN);
    }

    static double clippedShare(Aggregate a) {
        long steps = a.runs().stream().mapToLong(r -> r.training().gradientSteps()).sum();
        long clipped = a.runs().stream().mapToLong(r -> r.training().clippedUpdates()).sum();
        return steps > 0 ? clipped / (double) steps : 0;
    }

    /** The facts of this comparison for the textbook table. */
    public SectionFacts facts(String app, String dataset) {
        Map<String, Double> ms = new LinkedHashMap<>();
        Map<String, Long> parameters = new LinkedHashMap<>();
        Map<String, Double> peak = new LinkedHashMap<>();
        Map<String, Double> sd = new LinkedHashMap<>();
        Map<String, Double> clipped = new LinkedHashMap<>();
        Map<String, Double> grad = new LinkedHashMap<>();
        for (Aggregate a : models()) {
            ms.put(a.model(), a.of(r -> 1000 * r.training().secondsPerUpdate()).mean());
            parameters.put(a.model(), a.runs().get(0).parameters());
            peak.put(a.model(), a.of(CompareRun.Row::peakMiB).mean());
            Spread s = a.metrics().get(metric.key());
            sd.put(a.model(), s == null ? Double.NaN : s.sd());
            clipped.put(a.model(), clippedShare(a));
            grad.put(a.model(), maxGradientNorm(a));
        }
        Aggregate best = best(models());
        return new SectionFacts(app, dataset, metric.label(), bestAtEqual(true), bestAtEqual(false), best == null ? null : best.model(),
                verdicts(), ms, parameters, peak, sd, clipped, grad, Map.of(), Map.of());
    }

    /** Every number of the comparison, per seed and aggregated, for results.json. */
    public Map<String, Object> data(List<? extends CompareRun.Outcome<?, ?, ?>> perSeed, List<Long> seedValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seeds", seedValues);
        List<Map<String, Object>> aggregated = new ArrayList<>();
        for (Aggregate a : aggregates) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", a.model());
            row.put("baseline", a.baseline());
            row.put("metrics", a.metrics());
            if (!a.baseline()) {
                row.put("train_seconds", a.of(CompareRun.Row::trainSeconds));
                row.put("updates", a.of(r -> r.training().updates()));
                row.put("ms_per_update", a.of(r -> 1000 * r.training().secondsPerUpdate()));
                row.put("max_gradient_norm", maxGradientNorm(a));
                row.put("clipped_share", clippedShare(a));
                row.put("stopped_by", a.stops());
                row.put("last_epoch_validation_change", a.lastEpochSlope());
            }
            aggregated.add(row);
        }
        map.put("aggregated", aggregated);
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (SeedComparison v : verdicts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("a", v.a());
            row.put("b", v.b());
            row.put("verdict", v.verdict().words());
            row.put("p_value", v.pValue());
            row.put("sentence", v.sentence());
            verdicts.add(row);
        }
        map.put("verdicts", verdicts);
        map.put("best_at_equal_time", bestAtEqual(true));
        map.put("best_at_equal_updates", bestAtEqual(false));
        List<Object> runs = new ArrayList<>();
        for (int i = 0; i < perSeed.size(); i++) {
            Map<String, Object> run = new LinkedHashMap<>(CompareRun.data(perSeed.get(i)));
            run.put("seed", seedValues.get(i));
            runs.add(run);
        }
        map.put("per_seed", runs);
        return map;
    }
}
