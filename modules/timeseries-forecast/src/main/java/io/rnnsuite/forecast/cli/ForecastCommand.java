package io.rnnsuite.forecast.cli;

import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.ForecastReport;
import io.rnnsuite.forecast.ForecastResultRow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn-suite forecast train | evaluate | predict | compare}. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast a time series with SimpleRnn / LSTM / BiLSTM beside honest baselines.",
        subcommands = {ForecastCommand.Train.class, ForecastCommand.Evaluate.class, ForecastCommand.Predict.class,
                ForecastCommand.Compare.class})
public final class ForecastCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static PrintStream out() {
        return System.out;
    }

    static void printRows(String title, List<ForecastResultRow> rows) {
        out().println(title);
        out().print(ForecastReport.table(rows).toText());
        out().println(ForecastReport.reading(rows));
    }

    /** Trains one model and saves it. */
    @Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model, save it, score it on the test part.")
    static final class Train implements Callable<Integer> {
        @Mixin SeriesOptions series;
        @Mixin RecurrentOptions recurrent;
        @Mixin TrainingOptions training = new TrainingOptions(ForecastConfig.DEFAULT_TRAINING);

        @Option(names = "--output-dir", paramLabel = "DIR",
                description = "Where model.zip, run.json and the report go (default: models/forecast/<dataset>-<cell>).")
        Path outputDir;

        @Option(names = "--resume", paramLabel = "DIR",
                description = "Continue the interrupted training in DIR with its saved settings (default: none).")
        Path resume;

        @Option(names = "--threads", paramLabel = "N", description = "ND4J threads; 0 = leave as is (default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() {
            NativeThreads.apply(threads);
            ForecastConfig config = series.toConfig(recurrent.toSpec(), training.toConfig());
            Path dir = resume != null ? resume : outputDir != null ? outputDir
                    : Path.of("models", "forecast", config.sourceName().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + config.recurrent().label());
            ForecastApp.TrainOutcome outcome = ForecastApp.train(config, dir, resume != null, ConsoleProgress.onStderr(""));
            printRows("test part of " + outcome.config().sourceName() + " (" + outcome.config().target() + ", horizon "
                    + outcome.config().horizon() + "):", outcome.rows());
            out().println("model saved in " + dir.toAbsolutePath() + " (model.zip, run.json, report.md)");
            return 0;
        }
    }

    /** Re-scores a saved model. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Score a saved model and the baselines on its test part.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "DIR", required = true, description = "A directory written by 'forecast train'.")
        Path model;

        @Override
        public Integer call() {
            printRows("test part, model " + model + ":", ForecastApp.evaluate(model));
            return 0;
        }
    }

    /** Forecasts beyond the end of a series. */
    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Forecast the next H values after the last row (prints them and writes a CSV).")
    static final class Predict implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "DIR", required = true, description = "A directory written by 'forecast train'.")
        Path model;

        @Option(names = "--csv", paramLabel = "FILE",
                description = "Series to continue, with the model's columns (default: the model's own data).")
        Path csv;

        @Option(names = "--output", paramLabel = "FILE", description = "CSV to write (default: <model>/forecast.csv).")
        Path output;

        @Override
        public Integer call() throws IOException {
            ForecastApp.Prediction prediction = ForecastApp.predict(model, csv);
            StringBuilder text = new StringBuilder("step," + prediction.target() + "\n");
            for (int k = 0; k < prediction.values().length; k++) {
                text.append(prediction.timeLabels().get(k)).append(',')
                        .append(String.format(Locale.ROOT, "%.6g", prediction.values()[k])).append('\n');
            }
            out().print(text);
            Path file = output != null ? output : model.resolve("forecast.csv");
            AtomicFiles.writeString(file, text.toString());
            out().println("written to " + file);
            return 0;
        }
    }

    /** Every cell type and every baseline on one series. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Train each cell type on one series and score it beside every baseline (table + plots).")
    static final class Compare implements Callable<Integer> {
        @Mixin SeriesOptions series;
        @Mixin TrainingOptions training = new TrainingOptions(ForecastConfig.DEFAULT_TRAINING);

        @Option(names = "--cells", paramLabel = "CELL,...", split = ",",
                description = "Variants to train: simple_rnn, lstm, gru, or a bi prefix (bilstm, ...) (default: simple_rnn,lstm,bilstm).")
        List<String> cells = new ArrayList<>(List.of("simple_rnn", "lstm", "bilstm"));

        @Option(names = "--hidden", paramLabel = "N", description = "Units per direction and layer (default: ${DEFAULT-VALUE}).")
        int hidden = 32;

        @Option(names = "--layers", paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
        int layers = 1;

        @Option(names = "--output-dir", paramLabel = "DIR",
                description = "Report directory (default: reports/forecast/<dataset>).")
        Path outputDir;

        @Override
        public Integer call() {
            if (cells.isEmpty()) {
                throw new UserInputException("--cells names no cell type");
            }
            List<RecurrentSpec> variants = new ArrayList<>();
            for (String cell : cells) {
                variants.add(RecurrentSpec.parseVariant(cell, hidden, layers, 0.0));
            }
            ForecastConfig config = series.toConfig(variants.get(0), training.toConfig());
            Path dir = outputDir != null ? outputDir
                    : Path.of("reports", "forecast", config.sourceName().replaceAll("[^A-Za-z0-9._-]", "_"));
            List<ForecastResultRow> rows = ForecastApp.compare(config, variants, dir, ConsoleProgress.onStderr(""));
            printRows("test part of " + config.sourceName() + ":", rows);
            out().println("report: " + dir.resolve(ForecastReport.REPORT_FILE).toAbsolutePath());
            return 0;
        }
    }
}
