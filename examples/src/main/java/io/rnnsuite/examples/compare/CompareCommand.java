package io.rnnsuite.examples.compare;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn-suite compare}: the main job. Every selected cell type is trained on every selected
 * app's default data under one time budget shared equally by all models (so the comparison is
 * fair), scored beside that app's baselines, and gathered into {@code index.html} (one
 * self-contained page), {@code summary.md} and {@code results.json}, rewritten after each app so
 * an interrupted run keeps what finished.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare SimpleRnn, LSTM and BiLSTM against baselines in every app (the main job).")
public final class CompareCommand implements Callable<Integer> {

    /** Every section, in report order. */
    static final List<CompareSection> SECTIONS = List.of(new ForecastSection(), new ClassifySection(), new CharLmSection(),
            new LabSection());

    /** A model needs at least this many seconds to finish one epoch on the smallest data. */
    static final double MIN_SECONDS_PER_MODEL = 5;

    @Option(names = "--quick", description = "Small run: smaller data and a 2-minute training budget (default: ${DEFAULT-VALUE}).")
    boolean quick;

    @Option(names = "--budget", paramLabel = "TIME",
            description = "Total training budget, shared equally by every model: 90s, 10m, 1h; 0 = 20m, or 2m with --quick "
                    + "(default: ${DEFAULT-VALUE}).")
    String budget = "0";

    @Option(names = "--apps", paramLabel = "APP,...", split = ",",
            description = "Apps to compare: forecast, classify, charlm, translate, lab (default: all).")
    List<String> apps;

    @Option(names = "--cells", paramLabel = "CELL,...", split = ",", completionCandidates = CellVariants.class,
            description = "Variants for forecast and classify: ${COMPLETION-CANDIDATES} (default: simple_rnn,lstm,gru,bilstm).")
    List<String> cells = new ArrayList<>(List.of("simple_rnn", "lstm", "gru", "bilstm"));

    @Option(names = "--hidden", paramLabel = "N", description = "Units per direction for forecasting and classification (default: ${DEFAULT-VALUE}).")
    int hidden = 32;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the report goes (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("reports", "compare");

    @Option(names = "--threads", paramLabel = "N", description = "ND4J threads; 0 = leave as is (default: ${DEFAULT-VALUE}).")
    int threads;

    /** Every cell type and its bidirectional form, as RecurrentSpec.parseVariant reads them. */
    static final class CellVariants implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (CellType cell : CellType.values()) {
                names.add(cell.cliName());
            }
            for (CellType cell : CellType.values()) {
                names.add("bi" + cell.cliName());
            }
            return names.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        NativeThreads.apply(threads);
        List<CompareSection> selected = selectedSections();
        List<RecurrentSpec> variants = new ArrayList<>();
        for (String cell : cells) {
            variants.add(RecurrentSpec.parseVariant(cell, hidden, 1, 0.0));
        }
        if (variants.isEmpty()) {
            throw new UserInputException("--cells names no cell type");
        }
        double totalSeconds = parseBudget(budget, quick ? 120 : 1200);
        CompareSettings probe = new CompareSettings(quick, variants, 0, seed);
        int models = selected.stream().mapToInt(s -> s.modelCount(probe)).sum();
        double perModel = totalSeconds / models;
        if (perModel < MIN_SECONDS_PER_MODEL) {
            throw new UserInputException(String.format(Locale.ROOT, "--budget %s leaves %.1f s for each of %d models; "
                    + "at least %.0f s each is needed to finish an epoch", budget, perModel, models, MIN_SECONDS_PER_MODEL));
        }
        prepareOutputDir();
        CompareSettings settings = new CompareSettings(quick, variants, perModel, seed);
        CompareReport report = new CompareReport(outputDir, settings);
        double fixedSeconds = selected.stream().mapToDouble(s -> s.fixedSeconds(settings)).sum();
        CompareProgress progress = CompareProgress.onStderr(models, perModel, fixedSeconds);
        Thread onInterrupt = new Thread(() -> report.interrupted(System.err), "compare-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < selected.size(); i++) {
                CompareSection section = selected.get(i);
                int sectionModels = section.modelCount(settings);
                double sectionFixed = section.fixedSeconds(settings);
                progress.println(System.err, sectionModels > 0
                        ? String.format(Locale.ROOT, "[%d/%d] %s: %d models, %.0f s each at most", i + 1, selected.size(),
                                section.app(), sectionModels, perModel)
                        : String.format(Locale.ROOT, "[%d/%d] %s: runs on budgets of its own, about %.0f s", i + 1,
                                selected.size(), section.app(), sectionFixed));
                progress.sectionStarted(section.app(), sectionModels, sectionFixed);
                SectionResult result = section.run(settings, outputDir.resolve(section.app()), progress);
                report.add(result, (System.nanoTime() - start) / 1e9);
                progress.sectionFinished(sectionModels, sectionFixed);
                progress.println(System.out, report.console(result));
            }
        } finally {
            progress.clear();
            removeHook(onInterrupt);
        }
        System.out.printf(Locale.ROOT, "%d apps in %.0f s; report: %s%n", selected.size(), (System.nanoTime() - start) / 1e9,
                outputDir.resolve("index.html").toAbsolutePath());
        return 0;
    }

    /** Ends the interrupt message's watch: the run finished, or failed with its own error message. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and says what was kept
        }
    }

    private List<CompareSection> selectedSections() {
        if (apps == null || apps.isEmpty()) {
            return SECTIONS;
        }
        List<CompareSection> selected = new ArrayList<>();
        for (String app : apps) {
            CompareSection section = SECTIONS.stream().filter(s -> s.app().equalsIgnoreCase(app.trim())).findFirst()
                    .orElseThrow(() -> new UserInputException("unknown app '" + app + "' in --apps: expected one of "
                            + String.join(", ", SECTIONS.stream().map(CompareSection::app).toList())));
            if (!selected.contains(section)) {
                selected.add(section);
            }
        }
        return selected;
    }

    private void prepareOutputDir() {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UserInputException("cannot create the output directory " + outputDir + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(outputDir)) {
            throw new UserInputException("the output directory " + outputDir + " is not writable");
        }
    }

    /**
     * Parses {@code 90s}, {@code 10m}, {@code 1h} or plain seconds; {@code 0} means {@code fallbackSeconds}.
     *
     * @throws UserInputException for anything else
     */
    static double parseBudget(String text, double fallbackSeconds) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            factor = 3600;
            t = t.substring(0, t.length() - 1);
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new UserInputException("--budget '" + text + "' is not a duration: expected e.g. 90s, 10m or 1h");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserInputException("--budget must not be negative, got '" + text + "'");
        }
        return value == 0 ? fallbackSeconds : value * factor;
    }
}
