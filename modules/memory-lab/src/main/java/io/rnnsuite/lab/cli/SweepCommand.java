package io.rnnsuite.lab.cli;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.lab.LabConfig;
import io.rnnsuite.lab.LengthSweep;
import io.rnnsuite.lab.OutputDirectory;
import io.rnnsuite.lab.SweepReport;
import io.rnnsuite.lab.SweepRow;
import io.rnnsuite.lab.SweepSummary;
import io.rnnsuite.lab.data.MemoryTask;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code lab adding} and {@code lab copy} share: the length / cell / budget flags, the sweep,
 * the console table and the report. Flags not given take {@link LabConfig#defaults()} or, with
 * {@code --quick}, {@link LabConfig#quick()}.
 */
abstract class SweepCommand implements Callable<Integer> {

    /** Sequences generated to check the baseline formula numerically before the sweep. */
    static final int BASELINE_CHECK_SEQUENCES = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--lengths", paramLabel = "T,T,...",
            description = "Sequence lengths to sweep (default: ${DEFAULT-VALUE}; --quick: 10,50).")
    String lengths = LabConfig.defaults().lengths().stream().map(String::valueOf).collect(Collectors.joining(","));

    @Option(names = "--cells", paramLabel = "CELL,...", description = "Cells to compare (default: ${DEFAULT-VALUE}).")
    String cells = LabConfig.defaults().cells().stream().map(CellType::cliName).collect(Collectors.joining(","));

    @Option(names = "--budget", converter = Ranges.Positive.class, paramLabel = "SECONDS",
            description = "Training time per (length, cell) run (default: ${DEFAULT-VALUE}; --quick: 8).")
    double budget = LabConfig.defaults().budgetSeconds();

    @Option(names = "--max-updates", converter = Ranges.AtLeastOne.class, paramLabel = "N",
            description = "Cap on minibatch updates per run (default: ${DEFAULT-VALUE}; --quick: 400).")
    int maxUpdates = LabConfig.defaults().maxUpdates();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = LabConfig.defaults().seed();

    @Option(names = "--quick", description = "A small version that finishes in about a minute (default: ${DEFAULT-VALUE}).")
    boolean quick;

    @Option(names = "--threads", converter = Ranges.ZeroOrMore.class, paramLabel = "N", description = "ND4J threads; 0 = leave as is (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where report.md, the PNG and results.json go "
            + "(default: reports/lab/<task>).")
    Path outputDir;

    /** The task this command sweeps. */
    abstract MemoryTask task();

    @Override
    public Integer call() throws IOException {
        NativeThreads.apply(threads);
        MemoryTask task = task();
        LabConfig config = config();
        Path dir = OutputDirectory.prepare(outputDir != null ? outputDir : Path.of("reports", "lab", task.name()));
        PrintStream out = System.out;
        int shortest = config.lengths().stream().mapToInt(Integer::intValue).min().orElseThrow();
        out.printf(Locale.ROOT, "%s: baseline %s; measured on %,d generated sequences at T = %d: %.4f (formula %.4f)%n",
                task.name(), task.baselineFormula(), BASELINE_CHECK_SEQUENCES, shortest,
                task.measuredBaseline(task.batch(BASELINE_CHECK_SEQUENCES, shortest, new Random(config.seed()))),
                task.baselineLoss(shortest));
        List<SweepRow> rows = LengthSweep.run(task, config, System.err);
        out.print(SweepReport.table(task, rows).toText());
        out.println(SweepSummary.headline(rows, config.budgetSeconds()));
        Path report = SweepReport.write(task, config, rows, dir);
        out.println("report: " + report.toAbsolutePath());
        return 0;
    }

    /** Defaults (or quick ones) with every flag the user gave applied on top. */
    LabConfig config() {
        LabConfig base = quick ? LabConfig.quick() : LabConfig.defaults();
        if (given("--lengths")) {
            base = base.withLengths(LabArguments.lengths(lengths));
        }
        base = base.withCells(LabArguments.cells(cells)).withSeed(seed);
        return base.withBudget(given("--budget") ? budget : base.budgetSeconds(),
                given("--max-updates") ? maxUpdates : base.maxUpdates());
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
