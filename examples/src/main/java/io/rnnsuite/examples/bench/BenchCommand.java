package io.rnnsuite.examples.bench;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.io.MachineInfo;

import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.examples.RnnSuiteCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn-suite bench}: training and inference speed of the fast and the stock recurrent layers
 * on fixed shapes ({@link BenchCase#builtIns()}), side by side in one run.
 *
 * <p>OpenMP and OpenBLAS fix their thread counts when the process starts, so each thread count
 * runs in a child JVM (this same command line with a hidden {@code --worker-output}) started with
 * {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS} set; the parent gathers the children's
 * rows, prints the table and writes {@code bench.json} and {@code bench.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = TimeToTargetCommand.class,
        description = "Time training and inference of the fast and the stock recurrent layers (see also scripts/bench/compare.sh).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--cases", paramLabel = "CASE,...", split = ",",
            description = "Built-in case names or [name=]variant:BxTxIxH[xLAYERS] specs, e.g. bilstm:64x100x128x128"
                    + " (default: all built-ins; --list-cases shows them).")
    List<String> cases;

    @Option(names = "--impls", paramLabel = "IMPL,...", split = ",",
            description = "Implementations, measured alternately: fast, stock (default: ${DEFAULT-VALUE}).")
    List<String> impls = new ArrayList<>(List.of("fast", "stock"));

    @Option(names = "--threads", converter = Ranges.AtLeastOne.class, paramLabel = "N,...", split = ",",
            description = "Thread counts, each in its own process (default: ${DEFAULT-VALUE}).")
    List<Integer> threads = new ArrayList<>(List.of(1, 2));

    @Option(names = "--repeats", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Timed repetitions; figures are medians (default: ${DEFAULT-VALUE}).")
    int repeats = 7;

    @Option(names = "--repeat-seconds", converter = Ranges.ZeroOrMoreNumber.class, paramLabel = "S",
            description = "Each timed repetition repeats its call until at least S seconds have passed and counts the mean "
                    + "per call, so a few-millisecond case is not one step's luck; pytorch_reference.py times alike "
                    + "(default: ${DEFAULT-VALUE}; 0 with --quick).")
    double repeatSeconds = RecurrentBenchmark.DEFAULT_REPEAT_SECONDS;

    @Option(names = "--warmup", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Untimed training batches first, at least 1 (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(names = "--warmup-seconds", converter = Ranges.ZeroOrMoreNumber.class, paramLabel = "S",
            description = "And untimed training for at least S seconds per implementation, so the JIT has compiled "
                    + "the small cases' loops; pytorch_reference.py warms up alike (default: ${DEFAULT-VALUE}; 0 with --quick).")
    double warmupSeconds = RecurrentBenchmark.DEFAULT_WARMUP_SECONDS;

    @Option(names = "--quick", description = "Smoke test: 1 warm-up, 2 repeats, a small peak product; figures meaningless (default: ${DEFAULT-VALUE}).")
    boolean quick;

    @Option(names = {"--output", "--output-dir"}, paramLabel = "DIR",
            description = "Where bench.json and bench.md go (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("reports", "bench");

    @Option(names = "--sample-chars", converter = Ranges.ZeroOrMore.class, paramLabel = "N",
            description = "Characters drawn per repetition of the char-LM sampling case " + SamplingBenchmark.NAME
                    + "; 0 skips it (default: ${DEFAULT-VALUE}; 20 with --quick).")
    int sampleChars = 500;

    @Option(names = "--list-cases", description = "Print the selected cases as name=spec lines and exit (default: ${DEFAULT-VALUE}).")
    boolean listCases;

    /** Set by the parent: run the cases here, with this process's threads, and write the rows to FILE. */
    @Option(names = "--worker-output", hidden = true)
    Path workerOutput;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<BenchCase> selected = selectedCases();
        if (listCases) {
            selected.forEach(c -> System.out.println(c.token()));
            return 0;
        }
        List<RecurrentImpl> implementations = selectedImpls();
        List<Integer> threadCounts = List.copyOf(new LinkedHashSet<>(threads));
        if (threadCounts.isEmpty() || threadCounts.stream().anyMatch(n -> n < 1)) {
            throw new UserInputException("--threads must list thread counts of at least 1, got " + threads);
        }
        BenchReport.Settings settings = new BenchReport.Settings(quick ? 1 : Math.max(1, warmup), quick ? 0 : warmupSeconds,
                quick ? 2 : repeats, quick ? 0 : repeatSeconds, quick,
                RecurrentBenchmark.OUTPUTS, quick ? 256 : 2048, threadCounts, quick ? Math.min(sampleChars, 20) : sampleChars);
        new RecurrentBenchmark.Settings(settings.warmup(), settings.warmupSeconds(), settings.repeats(), settings.repeatSeconds()); // validates
        if (workerOutput != null) {
            return work(selected, implementations, settings);
        }
        return coordinate(selected, implementations, settings);
    }

    /** The parent: one child process per thread count, then the table and the files. */
    private int coordinate(List<BenchCase> selected, List<RecurrentImpl> implementations, BenchReport.Settings settings)
            throws IOException, InterruptedException {
        String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        MachineInfo machine = MachineInfo.now();
        System.out.println("machine: " + machine.describe());
        machine.noiseWarning().ifPresent(System.out::println);
        List<BenchResult> rows = new ArrayList<>();
        List<SamplingBenchmark.SamplingResult> sampling = new ArrayList<>();
        BenchReport report = null;
        for (int n : settings.threads()) {
            System.err.printf(Locale.ROOT, "threads %d: %d cases x %s in a child process%n", n, selected.size(), implementations);
            BenchReport child = runChild(n, selected, implementations, settings);
            rows.addAll(child.results());
            sampling.addAll(child.sampling());
            report = new BenchReport(BenchReport.SCHEMA, "dl4j", date, machine.finished(), settings, sorted(rows, selected),
                    sampling, BenchReport.standardNotes());
            report.write(output); // after each thread count, so an interrupted run keeps what finished
        }
        System.out.print(report.console());
        System.out.println("written: " + output.resolve("bench.json").toAbsolutePath() + " and bench.md");
        return 0;
    }

    /** The child: measure here, write the rows for the parent. */
    private int work(List<BenchCase> selected, List<RecurrentImpl> implementations, BenchReport.Settings settings)
            throws IOException {
        int n = settings.threads().get(0);
        NativeThreads.apply(n);
        NativeThreads.applyBlas(n);
        NativeThreads.useBlasThreads();
        double peak = GemmPeak.measure(settings.gemmSize(), quick ? 2 : 5, n);
        System.err.printf(Locale.ROOT, "threads %d: sgemm %d^3 peak %.1f GFLOP/s%n", n, settings.gemmSize(), peak);
        RecurrentBenchmark benchmark = new RecurrentBenchmark(
                new RecurrentBenchmark.Settings(settings.warmup(), settings.warmupSeconds(), settings.repeats(), settings.repeatSeconds()), n, peak, System.err::println);
        List<BenchResult> rows = new ArrayList<>();
        for (BenchCase c : selected) {
            System.err.printf(Locale.ROOT, "threads %d: %s (%s)%n", n, c.name(), c.spec());
            for (BenchResult row : benchmark.run(c, implementations)) {
                rows.add(row);
                System.err.println(row.skipped() != null ? String.format("  %s: skipped (%s)", row.impl(), row.skipped())
                        : String.format(Locale.ROOT, "  %s: train %.1f ms, infer %.1f ms, B=1 %.2f ms", row.impl(),
                        row.trainMs(), row.inferMs(), row.latencyMs()));
            }
        }
        List<SamplingBenchmark.SamplingResult> sampling = List.of();
        if (settings.sampleChars() > 0) {
            System.err.printf(Locale.ROOT, "threads %d: %s (%s)%n", n, SamplingBenchmark.NAME,
                    SamplingBenchmark.spec(settings.sampleChars()));
            sampling = new SamplingBenchmark(settings.warmup(), settings.repeats(), n, System.err::println)
                    .run(settings.sampleChars(), implementations);
            for (SamplingBenchmark.SamplingResult row : sampling) {
                System.err.printf(Locale.ROOT, "  %s: %.0f chars/s%n", row.impl(), row.charsPerS());
            }
        }
        new BenchReport(BenchReport.SCHEMA, "dl4j", OffsetDateTime.now().toString(), MachineInfo.now(), settings, rows,
                sampling, List.of()).writeJson(workerOutput);
        return 0;
    }

    private BenchReport runChild(int n, List<BenchCase> selected, List<RecurrentImpl> implementations,
                                 BenchReport.Settings settings) throws IOException, InterruptedException {
        Path rows = Files.createTempFile("rnn-suite-bench-" + n + "-", ".json");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(childJvmArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), RnnSuiteCommand.class.getName(), "bench",
                    "--worker-output", rows.toString(), "--threads", Integer.toString(n),
                    "--cases", String.join(",", selected.stream().map(BenchCase::token).toList()),
                    "--impls", String.join(",", implementations.stream().map(RecurrentImpl::cliName).toList()),
                    "--warmup", Integer.toString(settings.warmup()),
                    "--warmup-seconds", Double.toString(settings.warmupSeconds()), "--repeats", Integer.toString(settings.repeats()),
                    "--repeat-seconds", Double.toString(settings.repeatSeconds()),
                    "--sample-chars", Integer.toString(settings.sampleChars())));
            if (quick) {
                command.add("--quick");
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            Map<String, String> env = builder.environment();
            for (String name : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
                env.put(name, Integer.toString(n));
            }
            Process child = builder.start();
            int code;
            try {
                code = child.waitFor();
            } catch (InterruptedException e) {
                child.destroy();
                throw e;
            }
            if (code != 0) {
                throw new IllegalStateException("the benchmark process for " + n + " thread(s) failed with exit code " + code
                        + " (its messages are above)");
            }
            return BenchReport.read(rows);
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    /**
     * This JVM's flags (heap, {@code --add-modules jdk.incubator.vector}...) without a debugger
     * agent, plus the system properties that change what the child does or prints when they were
     * set some other way (a test runner sets them after start-up).
     */
    private static List<String> childJvmArguments() {
        List<String> arguments = new ArrayList<>();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-agentlib:jdwp") && !argument.startsWith("-Xrunjdwp")) {
                arguments.add(argument);
            }
        }
        for (String property : List.of("org.slf4j.simpleLogger.defaultLogLevel", "java.awt.headless", "rnnsuite.vector")) {
            String value = System.getProperty(property);
            if (value != null && arguments.stream().noneMatch(a -> a.startsWith("-D" + property + "="))) {
                arguments.add("-D" + property + "=" + value);
            }
        }
        return arguments;
    }

    /** Rows in case order, then thread count; implementations keep their measured order. */
    private static List<BenchResult> sorted(List<BenchResult> rows, List<BenchCase> selected) {
        List<String> order = selected.stream().map(BenchCase::name).toList();
        List<BenchResult> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> {
            int byCase = Integer.compare(order.indexOf(a.caseName()), order.indexOf(b.caseName()));
            return byCase != 0 ? byCase : Integer.compare(a.threads(), b.threads());
        });
        return copy;
    }

    private List<BenchCase> selectedCases() {
        if (cases == null || cases.isEmpty()) {
            return BenchCase.builtIns();
        }
        List<BenchCase> selected = new ArrayList<>();
        for (String token : cases) {
            BenchCase c = BenchCase.parse(token);
            if (selected.stream().anyMatch(s -> s.name().equals(c.name()))) {
                throw new UserInputException("--cases names '" + c.name() + "' twice");
            }
            selected.add(c);
        }
        return selected;
    }

    private List<RecurrentImpl> selectedImpls() {
        List<RecurrentImpl> selected = new ArrayList<>();
        for (String name : impls) {
            RecurrentImpl impl = RecurrentImpl.parse(name);
            if (!selected.contains(impl)) {
                selected.add(impl);
            }
        }
        if (selected.isEmpty()) {
            throw new UserInputException("--impl names no implementation");
        }
        return selected;
    }
}
