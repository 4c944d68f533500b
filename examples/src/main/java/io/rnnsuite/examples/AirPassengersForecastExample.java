package io.rnnsuite.examples;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.ForecastReport;
import io.rnnsuite.forecast.ForecastResultRow;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How many people will fly next year? A plain RNN and an LSTM forecast the classic airline
 * passenger series (monthly, 1949–1960) twelve months ahead, beside the baselines any forecast
 * must beat.
 *
 * <ol>
 *   <li>Data: the bundled {@code airpassengers} series (144 months, SHA-256 checked). The last 20 %
 *       is the test part, the 15 % before it the validation part; the network sees 24 months and
 *       forecasts the next 12 at once.</li>
 *   <li>Configuration: {@link ForecastConfig#defaults} with a log transform (the seasonal swing
 *       grows with the level, which a log turns into a constant swing).</li>
 *   <li>Train: SimpleRnn, then LSTM, then a bidirectional LSTM, each with early stopping on the
 *       validation part; normalisation is fitted on the training part only.</li>
 *   <li>Compare: persistence, seasonal naive and a linear autoregressive model are scored by the
 *       same code on the same test windows; a report with plots goes to {@code --output-dir}.</li>
 * </ol>
 *
 * <p>Run: {@code scripts/rnn-suite forecast compare --dataset airpassengers --log} does the same
 * from the command line; this main takes {@code --quick} (a smoke run) and {@code --output-dir DIR}
 * (default {@code reports/examples/airpassengers}). A full run takes about a minute on 2 cores.
 */
public final class AirPassengersForecastExample {

    private AirPassengersForecastExample() {
    }

    public static void main(String[] args) {
        run(args);
    }

    /** Runs the example and returns every model's and baseline's test scores. */
    public static List<ForecastResultRow> run(String... args) {
        List<String> options = Arrays.asList(args);
        boolean quick = options.contains("--quick");
        int dirFlag = options.indexOf("--output-dir");
        Path outputDir = dirFlag >= 0 ? Path.of(args[dirFlag + 1]) : Path.of("reports", "examples", "airpassengers");

        // 1 + 2. Data and configuration: 24 months in, 12 out, log scale
        TrainingConfig training = quick ? ForecastConfig.DEFAULT_TRAINING.withMaxEpochs(2) : ForecastConfig.DEFAULT_TRAINING;
        ForecastConfig config = ForecastConfig.defaults("airpassengers").withLogTransform(true).withTraining(training);

        // 3. The recurrent models to compare: one flag each, one code path
        List<RecurrentSpec> models = List.of(
                new RecurrentSpec(CellType.SIMPLE_RNN, 32, 1, false, 0.0),
                new RecurrentSpec(CellType.LSTM, 32, 1, false, 0.0),
                new RecurrentSpec(CellType.LSTM, 32, 1, true, 0.0));

        // 4. Train each, score each beside the baselines, write the report
        List<ForecastResultRow> rows = ForecastApp.compare(config, models, outputDir, ConsoleProgress.onStderr("airpassengers"));
        System.out.print(ForecastReport.table(rows).toText());
        System.out.println(ForecastReport.reading(rows));
        System.out.println("report: " + outputDir.resolve(ForecastReport.REPORT_FILE).toAbsolutePath());
        return rows;
    }
}
