package io.rnnsuite.examples;

import io.rnnsuite.common.app.CompareRun;
import io.rnnsuite.common.app.ConsoleReport;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.ExitCodes;
import io.rnnsuite.common.cli.RunOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.cli.VariantsOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.data.PreparedSeries;
import io.rnnsuite.forecast.model.ForecastModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How many people will fly next year? A plain RNN, an LSTM and a bidirectional LSTM forecast the
 * classic airline passenger series (monthly, 1949–1960) twelve months ahead, beside the baselines
 * any forecast must beat.
 *
 * <ol>
 *   <li>Data: the bundled {@code airpassengers} series (144 months, SHA-256 checked). The last 20 %
 *       is the test part, the 15 % before it the validation part; the network sees 24 months and
 *       forecasts the next 12 at once.</li>
 *   <li>Configuration: {@link ForecastConfig#defaults} with a log transform (the seasonal swing
 *       grows with the level, which a log turns into a constant swing).</li>
 *   <li>Train and score: {@link CompareRun} trains each variant with early stopping on the
 *       validation part and scores it beside persistence, seasonal naive and a linear
 *       autoregression, by the same code on the same test windows.</li>
 *   <li>Report: the table, learning curves and the forecasts against the truth go to
 *       {@code --output-dir}.</li>
 * </ol>
 *
 * <p>{@code scripts/rnn-suite forecast compare --log --cells simple_rnn,lstm,bilstm} does the same
 * from the command line. A full run takes about a minute on 2 cores; {@code --quick} trains 2 epochs.
 */
@Command(name = "airpassengers-forecast", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Forecast airline passengers with SimpleRnn, LSTM and BiLSTM beside the baselines.")
public final class AirPassengersForecastExample implements Callable<CompareRun.Outcome<ForecastConfig, PreparedSeries, ForecastModel>> {

    @Option(names = "--quick", description = "Smoke run: 2 epochs per model (default: ${DEFAULT-VALUE}).")
    boolean quick;
    @Mixin
    VariantsOptions variants = new VariantsOptions(32);
    @Mixin
    TrainingOptions training = new TrainingOptions(ForecastConfig.DEFAULT_TRAINING);
    @Mixin
    RunOptions run = new RunOptions(Path.of("reports", "examples", "airpassengers"));

    AirPassengersForecastExample() {
        variants.cells = new ArrayList<>(List.of("simple_rnn", "lstm", "bilstm"));
    }

    public static void main(String[] args) {
        System.exit(run(args) != null ? ExitCodes.OK : ExitCodes.USER_ERROR);
    }

    /** Runs the example; the comparison, or {@code null} when the flags were wrong (the error is printed). */
    public static CompareRun.Outcome<ForecastConfig, PreparedSeries, ForecastModel> run(String... args) {
        CommandLine line = CliErrors.install(new CommandLine(new AirPassengersForecastExample()));
        return line.execute(args) == ExitCodes.OK ? line.getExecutionResult() : null;
    }

    @Override
    public CompareRun.Outcome<ForecastConfig, PreparedSeries, ForecastModel> call() throws Exception {
        run.applyThreads();
        ForecastApp app = new ForecastApp();

        // 1 + 2. Data and configuration: 24 months in, 12 out, log scale
        ForecastConfig config = ForecastConfig.defaults("airpassengers").withLogTransform(true)
                .withTraining(quick ? training.toConfig().withMaxEpochs(2) : training.toConfig());

        // 3. Train each variant, score each beside the baselines
        var outcome = CompareRun.run(app, config, variants.toSpecs(), run.budgetOrNull(), ConsoleProgress.onStderr("airpassengers"));

        // 4. The report: table and learning curves, then the forecasts against the truth
        CompareRun.write(app, List.of(outcome), run.outputDir);
        app.compareExtras(config, outcome.loaded(), outcome.models(), run.outputDir);
        System.out.print(ConsoleReport.compare(app, outcome, run.outputDir));
        return outcome;
    }
}
