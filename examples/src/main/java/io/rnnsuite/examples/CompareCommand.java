package io.rnnsuite.examples;

import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.DatasetInfo;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.ForecastReport;
import io.rnnsuite.forecast.ForecastResultRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn-suite compare}: the main job. Trains every selected cell type on every selected
 * bundled series (same budget for each, so the comparison is fair), scores each beside the
 * baselines, prints one summary table and writes {@code summary.md}, {@code results.json} and a
 * report directory per series under {@code --output-dir}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare SimpleRnn, LSTM and BiLSTM against baselines on the bundled data.")
public final class CompareCommand implements Callable<Integer> {

    /** The series of a --quick run: small, seasonal, and each a few seconds per model. */
    static final List<String> QUICK_DATASETS = List.of("airpassengers", "co2", "uk-driver-deaths", "nottingham-temp");

    @Option(names = "--quick", description = "Small run (4 series, fewer epochs) for a first look (default: ${DEFAULT-VALUE}).")
    boolean quick;

    @Option(names = "--datasets", paramLabel = "NAME,...", split = ",",
            description = "Series to compare (default: all bundled series; with --quick: " + "airpassengers,co2,uk-driver-deaths,nottingham-temp).")
    List<String> datasets;

    @Option(names = "--cells", paramLabel = "CELL,...", split = ",",
            description = "Variants: simple_rnn, lstm, bisimple_rnn, bilstm (default: simple_rnn,lstm,bilstm).")
    List<String> cells = new ArrayList<>(List.of("simple_rnn", "lstm", "bilstm"));

    @Option(names = "--hidden", paramLabel = "N", description = "Units per direction (default: ${DEFAULT-VALUE}).")
    int hidden = 32;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs per model; 0 = 150, or 40 with --quick (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--budget", paramLabel = "SECONDS",
            description = "Wall-clock training budget per model in seconds; 0 = 60, or 15 with --quick (default: ${DEFAULT-VALUE}).")
    double budgetSeconds;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("reports", "compare");

    @Option(names = "--threads", paramLabel = "N", description = "ND4J threads; 0 = leave as is (default: ${DEFAULT-VALUE}).")
    int threads;

    /** Per series: its rows. */
    record SeriesResult(String dataset, String target, int horizon, List<ForecastResultRow> rows) {
    }

    @Override
    public Integer call() throws IOException {
        NativeThreads.apply(threads);
        List<String> names = datasets != null ? datasets : quick ? QUICK_DATASETS
                : DatasetRegistry.ofKind(DatasetKind.TIME_SERIES).stream().map(DatasetInfo::name).toList();
        List<RecurrentSpec> variants = new ArrayList<>();
        for (String cell : cells) {
            variants.add(RecurrentSpec.parseVariant(cell, hidden, 1, 0.0));
        }
        if (variants.isEmpty()) {
            throw new UserInputException("--cells names no cell type");
        }
        for (String name : names) {
            DatasetRegistry.get(name, DatasetKind.TIME_SERIES);
        }
        TrainingConfig training = ForecastConfig.DEFAULT_TRAINING.withSeed(seed)
                .withMaxEpochs(epochs > 0 ? epochs : quick ? 40 : ForecastConfig.DEFAULT_TRAINING.maxEpochs())
                .withTimeBudget(Duration.ofMillis((long) (1000 * (budgetSeconds > 0 ? budgetSeconds : quick ? 15 : 60))));
        long start = System.nanoTime();
        List<SeriesResult> results = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            System.err.printf(Locale.ROOT, "[%d/%d] %s: %d models + 3 baselines%n", i + 1, names.size(), name, variants.size());
            ForecastConfig config = ForecastConfig.defaults(name).withTraining(training);
            List<ForecastResultRow> rows = ForecastApp.compare(config, variants, outputDir.resolve("forecast").resolve(name),
                    ConsoleProgress.onStderr("  " + name));
            ForecastApp.Prepared prepared = ForecastApp.prepare(config);
            results.add(new SeriesResult(name, prepared.config().target(), prepared.config().horizon(), rows));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = summary(results, seconds);
        AtomicFiles.writeString(outputDir.resolve("summary.md"), summary);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("createdAt", Instant.now().toString());
        json.put("seconds", seconds);
        json.put("forecast", results);
        Json.write(outputDir.resolve("results.json"), json);
        System.out.println(consoleTable(results).toText());
        System.out.printf(Locale.ROOT, "%d series in %.0f s; summary: %s%n", results.size(), seconds,
                outputDir.resolve("summary.md").toAbsolutePath());
        return 0;
    }

    /** Test MASE per series (rows) and model (columns): the headline table. */
    static MarkdownTable consoleTable(List<SeriesResult> results) {
        List<String> header = new ArrayList<>(List.of("series (test MASE)"));
        results.get(0).rows().forEach(r -> header.add(r.name()));
        header.add("best");
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (SeriesResult result : results) {
            List<Object> cells = new ArrayList<>(List.of(result.dataset()));
            ForecastResultRow best = result.rows().get(0);
            for (ForecastResultRow row : result.rows()) {
                cells.add(row.test().mase());
                if (row.test().mae() < best.test().mae()) {
                    best = row;
                }
            }
            cells.add(best.name());
            table.row(cells.toArray());
        }
        return table;
    }

    static String summary(List<SeriesResult> results, double seconds) {
        StringBuilder md = new StringBuilder("# rnn-suite compare\n\n");
        md.append(String.format(Locale.ROOT, "Forecasting, %d bundled series, %.0f s in all. Test-part MASE "
                + "(below 1 beats the in-sample seasonal-naive error; lower is better):%n%n", results.size(), seconds));
        md.append(consoleTable(results).toMarkdown()).append('\n');
        for (SeriesResult result : results) {
            md.append("## ").append(result.dataset()).append(" (").append(result.target()).append(", horizon ")
                    .append(result.horizon()).append(")\n\n");
            md.append(ForecastReport.table(result.rows()).toMarkdown()).append('\n');
            md.append(ForecastReport.reading(result.rows())).append("\n\n");
            md.append("![forecasts](forecast/").append(result.dataset()).append('/').append(ForecastReport.FORECAST_PLOT)
                    .append(")\n\n");
        }
        return md.toString();
    }
}
