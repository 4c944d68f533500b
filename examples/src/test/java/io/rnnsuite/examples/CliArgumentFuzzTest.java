package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.io.DirectoryLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Hostile values for every option of every {@code rnn-suite} command: empty and blank strings,
 * 5,000-character strings, odd Unicode (right-to-left marks, zero-width and combining characters,
 * mathematical letters, Arabic-Indic digits, a byte-order mark), numbers that overflow or are not
 * numbers, unknown words, paths that do not exist, are directories, empty files, lie under a file or
 * name a damaged model directory, and every flag given twice. Each command line must end with exit
 * code 0 or 2, never print a stack trace or an internal error, and print at most one {@code error:}
 * line (exactly one on exit code 2).
 *
 * <p>Two passes. The first parses every command line through the real error handler but runs
 * nothing. The second runs the commands for real with the values that parsed, kept fast: training
 * and comparing commands get an output directory that another run holds locked, so they stop with
 * one line right after checking their settings and before loading anything; data files are given
 * hostile paths, which must fail as the data loads; model-reading commands get hostile model
 * directories. {@code serve}, {@code serve bench} and {@code bench} are parsed only: when their
 * values are acceptable they serve or measure until stopped.
 */
class CliArgumentFuzzTest {

    /** Commands parsed only, and why. */
    private static final Map<String, String> PARSED_ONLY = Map.of(
            "serve", "serves until stopped",
            "serve bench", "starts a server and measures it",
            "bench", "measures layer speed for minutes",
            "help", "prints usage");

    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|internal error|^Exception in thread|^Caused by: ");

    @TempDir
    static Path tmp;
    private static Path missing;
    private static Path directory;
    private static Path emptyFile;
    private static Path underAFile;
    private static Path damagedModel;
    private static Path locked;
    private static Thread lockHolder;
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private static CommandLine line;
    private static final StringWriter ERR = new StringWriter();
    private static final Map<String, int[]> TALLY = new TreeMap<>();
    private static final java.util.PriorityQueue<Map.Entry<Long, String>> SLOWEST =
            new java.util.PriorityQueue<>(Map.Entry.comparingByKey());

    @BeforeAll
    static void makeHostilePathsAndLockADirectory() throws Exception {
        missing = tmp.resolve("no-such-file");
        directory = Files.createDirectories(tmp.resolve("a-directory"));
        emptyFile = Files.createFile(tmp.resolve("empty.txt"));
        underAFile = emptyFile.resolve("below");
        damagedModel = Files.createDirectories(tmp.resolve("damaged-model"));
        Files.writeString(damagedModel.resolve("run.json"), "{\"app\": \"charlm\", ");
        Files.write(damagedModel.resolve("model.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Files.writeString(damagedModel.resolve("app-config.json"), "[1, 2");
        locked = tmp.resolve("locked");
        CountDownLatch taken = new CountDownLatch(1);
        lockHolder = new Thread(() -> {
            try (DirectoryLock lock = DirectoryLock.acquire(locked, "another run")) {
                taken.countDown();
                RELEASE.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holds-the-output-directory");
        lockHolder.setDaemon(true);
        lockHolder.start();
        taken.await();
        line = RnnSuiteCommand.newCommandLine();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(ERR, true));
        collect(line, List.of(), COMMANDS);
    }

    @AfterAll
    static void releaseAndWriteFigures() throws IOException, InterruptedException {
        RELEASE.countDown();
        // the lock's files go when its holder has closed it; the temporary directory is deleted after this method
        lockHolder.join(30_000);
        StringBuilder sb = new StringBuilder("pass | command lines | exit 0 | exit 2\n");
        TALLY.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s | %d | %d | %d%n", k, v[0], v[1], v[2])));
        sb.append("slowest command lines (ms):\n");
        SLOWEST.stream().sorted(Map.Entry.<Long, String>comparingByKey().reversed())
                .forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        Path dir = Files.createDirectories(Path.of("target", "fuzz"));
        Files.writeString(dir.resolve("cli-arguments.txt"), sb.toString());
    }

    /** Strings no option expects. */
    private static List<String> hostileText() {
        return List.of("", " ", "-", "--", "x".repeat(2500) + "ж".repeat(2500), "\u202Eevil\u200B\u200D", "\uD835\uDD18\uD835\uDD2B e\u0301 \uFB01 日本語",
                "\uFEFF1", "\u0661\u0662\u0663", "NaN", "-0", "1e309", "0x10", "99999999999999999999", "%s%n${HOME}", ",,", "a,,b",
                "lstmm", "LSTM ", "../../../../etc/passwd");
    }

    private static List<String> hostilePaths() {
        return List.of(missing.toString(), directory.toString(), emptyFile.toString(), underAFile.toString(), damagedModel.toString(),
                "/dev/null");
    }

    /** Every command: its words after {@code rnn-suite}, and its command line. */
    private static final Map<List<String>, CommandLine> COMMANDS = new LinkedHashMap<>();

    private static void collect(CommandLine command, List<String> words, Map<List<String>, CommandLine> all) {
        all.putIfAbsent(words, command);
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) { // aliases once
                List<String> next = new ArrayList<>(words);
                next.add(name);
                collect(sub, next, all);
            }
        });
    }

    private static boolean isHelp(OptionSpec option) {
        return option.usageHelp() || option.versionHelp();
    }

    private static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0;
    }

    /** A value the option accepts, to give it twice. */
    private static String plausible(OptionSpec option) {
        String d = option.defaultValueString();
        if (d != null && !d.isBlank() && !d.equals("null") && !d.startsWith("[")) {
            return d;
        }
        Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
        return Number.class.isAssignableFrom(boxed(type)) ? "1" : "x";
    }

    private static Class<?> boxed(Class<?> type) {
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == double.class ? Double.class : type;
    }

    private record Run(String pass, List<String> args, int exit, String err) {
    }

    private static final PrintStream REAL_ERR = System.err;

    private static Run run(String pass, List<String> args, boolean execute) {
        ERR.getBuffer().setLength(0);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int exit;
        long start = System.nanoTime();
        try {
            line.setExecutionStrategy(execute ? new CommandLine.RunLast() : parseResult -> 0);
            io.rnnsuite.common.NativeThreads.applyBlas(RnnSuiteCommand.DEFAULT_BLAS_THREADS);
            exit = line.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(REAL_ERR);
        }
        SLOWEST.add(Map.entry((System.nanoTime() - start) / 1_000_000, pass + " " + shown(args)));
        if (SLOWEST.size() > 8) {
            SLOWEST.poll();
        }
        int[] tally = TALLY.computeIfAbsent(pass, k -> new int[3]);
        tally[0]++;
        if (exit == 0) {
            tally[1]++;
        } else if (exit == 2) {
            tally[2]++;
        }
        return new Run(pass, args, exit, ERR + stderr.toString(StandardCharsets.UTF_8));
    }

    /** What a run may print and end with; returns a description of what was wrong, or null. */
    private static String wrong(Run r) {
        long errorLines = r.err().lines().filter(l -> l.startsWith("error:")).count();
        if (r.exit() != 0 && r.exit() != 2) {
            return "exit code " + r.exit();
        }
        if (STACK_TRACE.matcher(r.err()).find()) {
            return "a stack trace";
        }
        if (errorLines > 1 || (r.exit() == 2 && errorLines != 1)) {
            return errorLines + " error lines with exit code " + r.exit();
        }
        return null;
    }

    private static String shown(List<String> args) {
        return args.stream().map(a -> a.length() > 40 ? a.substring(0, 40) + "...(" + a.length() + ")" : a).toList().toString();
    }

    private static void check(Run r, List<String> problems) {
        String what = wrong(r);
        if (what != null) {
            String shown = shown(r.args());
            String err = r.err().length() > 600 ? r.err().substring(0, 600) + "..." : r.err();
            problems.add(r.pass() + " " + shown + ": " + what + "\n" + err);
        }
    }

    @Test
    void everyOptionOfEveryCommandParsesOrIsOneLine() {
        List<String> problems = new ArrayList<>();
        int options = 0;
        Set<String> parsed = new java.util.HashSet<>();
        for (Map.Entry<List<String>, CommandLine> c : COMMANDS.entrySet()) {
            for (OptionSpec option : c.getValue().getCommandSpec().options()) {
                if (isHelp(option)) {
                    continue;
                }
                options++;
                if (!parsed.add(parsingKey(option))) {
                    continue; // the same option of a shared mixin, already given every value on another command
                }
                String name = option.longestName();
                List<String> values = new ArrayList<>(hostileText());
                values.addAll(hostilePaths());
                if (takesValue(option)) {
                    for (String value : values) {
                        check(run("parse", words(c.getKey(), name, value), false), problems);
                    }
                    check(run("parse", words(c.getKey(), name), false), problems); // the value missing
                    String v = plausible(option);
                    check(run("parse", words(c.getKey(), name, v, name, v), false), problems); // given twice
                } else {
                    check(run("parse", words(c.getKey(), name, name), false), problems);
                    check(run("parse", words(c.getKey(), name + "=maybe"), false), problems);
                }
            }
            check(run("parse", words(c.getKey(), "--no-such-option", "x"), false), problems);
        }
        assertTrue(options >= 150 && parsed.size() >= 80, "found only " + options + " options, " + parsed.size() + " kinds");
        assertEquals(List.of(), problems, problems.size() + " command lines broke the rules");
    }

    /** Options that parse alike: the same name, type, arity, split and converters. */
    private static String parsingKey(OptionSpec option) {
        StringBuilder key = new StringBuilder(option.longestName()).append(' ').append(option.type().getName())
                .append(' ').append(option.arity()).append(' ').append(option.splitRegex());
        for (Class<?> t : option.auxiliaryTypes()) {
            key.append(' ').append(t.getName());
        }
        for (CommandLine.ITypeConverter<?> converter : option.converters()) {
            key.append(' ').append(converter.getClass().getName());
        }
        return key.toString();
    }

    private static List<String> words(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    /** Flags that keep a run short when the hostile value is accepted: one epoch, one batch, two units, one update. */
    private static final String[][] TINY = {{"--epochs", "1"}, {"--max-batches", "1"}, {"--hidden", "2"}, {"--max-updates", "1"},
            {"--lengths", "2"}, {"--cells", "lstm"}, {"--budget", "1s"}, {"--pairs-count", "20"}, {"--quick", null}};

    /**
     * What {@code command} gets besides the tested option: an output directory that another run holds
     * locked (a training or compare stops there with one line, after checking its settings and before
     * loading data), or, when the tested option names the data, a fresh one; and the {@link #TINY} flags.
     */
    private static List<String> guards(List<String> command, OptionSpec tested) {
        CommandLine.Model.CommandSpec spec = COMMANDS.get(command).getCommandSpec();
        List<String> extra = new ArrayList<>();
        OptionSpec out = spec.findOption("--output-dir");
        if (out != null && !tested.longestName().equals("--output-dir")) {
            extra.add("--output-dir");
            extra.add(isDataPath(tested) ? tmp.resolve("out-" + String.join("-", command)).toString() : locked.toString());
        }
        for (String[] tiny : TINY) {
            OptionSpec o = spec.findOption(tiny[0]);
            if (o == null || o.longestName().equals(tested.longestName())) {
                continue;
            }
            extra.add(tiny[0]);
            if (tiny[1] != null) {
                extra.add(tiny[0].equals("--budget") && o.type() == double.class ? "1" : tiny[1]);
            }
        }
        return extra;
    }

    /** Output directories that cannot be written: a file, a path under a file, a device. */
    private static List<String> unwritableOutputs() {
        return List.of(emptyFile.toString(), underAFile.toString(), "/dev/null");
    }

    /** A file or directory the command reads its data from (not the model, not where it writes). */
    private static boolean isDataPath(OptionSpec option) {
        String label = option.paramLabel();
        String name = option.longestName();
        // --data-dir is where generated corpora are kept: any directory is valid there
        return (label.contains("FILE") || label.contains("DIR")) && !name.equals("--output-dir") && !name.equals("--model")
                && !name.startsWith("--output") && !name.equals("--compare-with") && !name.equals("--data-dir");
    }

    private static boolean consumedAtRunTime(OptionSpec option) {
        Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
        return takesValue(option) && (type == String.class || type == Path.class || type.isEnum());
    }

    @Test
    void everyTextAndPathOptionOfEveryCommandRunsOrIsOneLine() {
        List<String> problems = new ArrayList<>();
        int runs = 0;
        for (Map.Entry<List<String>, CommandLine> c : COMMANDS.entrySet()) {
            List<String> command = c.getKey();
            if (command.isEmpty() || PARSED_ONLY.containsKey(String.join(" ", command))
                    || PARSED_ONLY.containsKey(command.get(0))) {
                continue;
            }
            for (OptionSpec option : c.getValue().getCommandSpec().options()) {
                if (isHelp(option) || !consumedAtRunTime(option) || option.longestName().equals("--blas-threads")) {
                    continue;
                }
                List<String> values = option.longestName().equals("--output-dir") ? unwritableOutputs()
                        : isDataPath(option) ? hostilePaths()
                        : option.type() == Path.class ? List.of(emptyFile.toString(), underAFile.toString())
                        : hostileText().subList(0, 10);
                for (String value : values) {
                    List<String> args = words(command, option.longestName(), value);
                    args.addAll(guards(command, option));
                    Run r = run("run", args, true);
                    runs++;
                    check(r, problems);
                }
            }
        }
        assertTrue(runs >= 100, "ran only " + runs);
        assertEquals(List.of(), problems, problems.size() + " command lines broke the rules");
    }

    @Test
    void modelReadingCommandsGivenDamagedOrMissingModelsSayOneLine() {
        List<String> problems = new ArrayList<>();
        Set<String> modelCommands = new java.util.TreeSet<>();
        for (Map.Entry<List<String>, CommandLine> c : COMMANDS.entrySet()) {
            OptionSpec model = c.getValue().getCommandSpec().findOption("--model");
            if (model == null || PARSED_ONLY.containsKey(String.join(" ", c.getKey()))) {
                continue;
            }
            modelCommands.add(String.join(" ", c.getKey()));
            for (String value : hostilePaths()) {
                List<String> args = words(c.getKey(), "--model", value);
                if (c.getValue().getCommandSpec().findOption("--csv") != null) {
                    args.addAll(List.of("--csv", emptyFile.toString()));
                }
                if (!c.getValue().getCommandSpec().positionalParameters().isEmpty()) {
                    args.add("some input");
                }
                Run r = run("model", args, true);
                check(r, problems);
                if (r.exit() != 2) {
                    problems.add(args + ": a hostile --model was accepted (exit " + r.exit() + ")");
                }
            }
        }
        assertTrue(modelCommands.containsAll(List.of("charlm sample", "charlm explain", "forecast evaluate", "translate predict")),
                modelCommands.toString());
        assertEquals(List.of(), problems, problems.size() + " command lines broke the rules");
    }
}
