package io.rnnsuite.examples.compare;

import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModule;
import io.rnnsuite.common.app.Apps;
import io.rnnsuite.common.app.CompareSection;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.ModelCompareSection;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.Variants;
import io.rnnsuite.common.cli.DurationConverter;
import io.rnnsuite.common.cli.VariantsOptions;
import io.rnnsuite.common.train.ParallelRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn-suite compare}: the main job. Every selected cell type is trained on every selected
 * app's default data under one time budget shared equally by all models (so the comparison is
 * fair), scored beside that app's baselines, and gathered into {@code index.html} (one
 * self-contained page), {@code summary.md} and {@code results.json}, rewritten after each app so
 * an interrupted run keeps what finished. The apps are those registered on the classpath
 * ({@link Apps#all()}): each brings its own section.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare SimpleRnn, LSTM and BiLSTM against baselines in every app (the main job).")
public final class CompareCommand implements Callable<Integer> {


    /** Every registered app's section, in page order. */
    static Map<String, CompareSection> sections() {
        Map<String, CompareSection> sections = new LinkedHashMap<>();
        for (AppModule app : Apps.all()) {
            CompareSection section = app.compareSection();
            if (section != null) {
                sections.put(section.app(), section);
            }
        }
        return sections;
    }

    /** Seeds of a full run and of a quick one, unless --seeds says otherwise. */
    static final int FULL_SEEDS = 3;
    static final int QUICK_SEEDS = 1;
    /** The default budget for each seed's models: the full run's and the quick run's. */
    static final double FULL_SECONDS_PER_SEED = 600;
    static final double QUICK_SECONDS_PER_SEED = 120;

    /** A model needs at least this many seconds to finish one epoch on the smallest data. */
    static final double MIN_SECONDS_PER_MODEL = 5;

    @Option(names = "--quick", description = "Small run: smaller data and a 2-minute training budget (default: ${DEFAULT-VALUE}).")
    boolean quick;

    @Option(names = "--budget", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Total training time of the models, each model's own training seconds added up (with "
                    + "--parallel 2 on 2 cores the trainings take roughly 60–70 % of it), shared equally by the models of each app (what an "
                    + "app's early-stopped models leave goes to the apps after it; evaluation, baselines and data "
                    + "loading come on top): 90s, 10m, 1h; 0 = 10m per seed, or 2m per seed with --quick (default: 0). "
                    + "The lab runs on budgets of its own.")
    Duration budget = Duration.ZERO;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Train every model with N seeds (--seed, --seed + 1, ...) and test each difference against the "
                    + "seed-to-seed spread; 0 = 3, or 1 with --quick (default: 0).")
    int seeds;

    @Option(names = "--apps", paramLabel = "APP,...", split = ",",
            description = "Apps to compare, in page order (default: all: ${COMPLETION-CANDIDATES}).",
            completionCandidates = AppNames.class)
    List<String> apps;

    @Mixin
    VariantsOptions variants = new VariantsOptions(0);

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the report goes (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("reports", "compare");

    @Option(names = "--keep-models", paramLabel = "DIR",
            description = "Keep the first seed's model of every app and cell as a model directory DIR/APP/CELL (what APP "
                    + "train writes; 'rnn-suite serve' serves them), replacing what an earlier compare kept there; "
                    + "'none' keeps none (default: ${DEFAULT-VALUE}).")
    Path keepModels = KeptModels.DEFAULT;

    @Option(names = "--threads", paramLabel = "N",
            description = "ND4J operation threads; 0 = leave as the launcher set them (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Trainings at the same time, each on its own thread (every model is trained as it would be "
                    + "alone; the budget counts each one's own training seconds); 0 = one per core when each uses one "
                    + "thread (the launcher's default), else 1 (default: ${DEFAULT-VALUE}).")
    int parallel;

    /** The apps with a compare section, for the help line. */
    static final class AppNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return sections().keySet().iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        if (threads < 0) {
            throw new UserInputException("--threads must be 0 (leave as is) or a positive count, got " + threads);
        }
        NativeThreads.apply(threads);
        if (seeds < 0) {
            throw new UserInputException("--seeds must be 0 (the default count) or positive, got " + seeds);
        }
        if (parallel < 0) {
            throw new UserInputException("--parallel must be 0 (one training per core) or a positive count, got " + parallel);
        }
        List<CompareSection> selected = selectedSections();
        Variants chosen = variants.toVariants();
        chosen.specs(1); // every name must parse before anything trains
        int seedCount = seeds > 0 ? seeds : quick ? QUICK_SEEDS : FULL_SEEDS;
        double totalSeconds = budget.isZero() ? seedCount * (quick ? QUICK_SECONDS_PER_SEED : FULL_SECONDS_PER_SEED)
                : budget.toMillis() / 1000.0;
        CompareSettings probe = new CompareSettings(quick, chosen, 0, seed, seedCount);
        int models = selected.stream().mapToInt(s -> s.modelCount(probe)).sum();
        double perModel = models == 0 ? 0 : totalSeconds / models;
        if (models > 0 && perModel < MIN_SECONDS_PER_MODEL) {
            throw new UserInputException(String.format(Locale.ROOT, "--budget %s leaves %.1f s for each of %d models; "
                    + "at least %.0f s each is needed to finish an epoch", DurationConverter.format(Duration.ofMillis(
                            Math.round(totalSeconds * 1000))), perModel, models, MIN_SECONDS_PER_MODEL));
        }
        prepareOutputDir();
        io.rnnsuite.common.io.DirectoryLock.holdUntilExit(outputDir, "rnn-suite compare");
        KeptModels kept = KeptModels.open(keepModels);
        int trainingsAtOnce = parallel > 0 ? parallel : ParallelRuns.perCore();
        CompareSettings settings = new CompareSettings(quick, chosen, perModel, seed, seedCount, trainingsAtOnce);
        CompareReport report = new CompareReport(outputDir, settings);
        double fixedSeconds = selected.stream().mapToDouble(s -> s.fixedSeconds(settings)).sum();
        CompareProgress progress = CompareProgress.onStderr(models, perModel, fixedSeconds, trainingsAtOnce);
        Thread onInterrupt = new Thread(() -> report.interrupted(System.err), "compare-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long start = System.nanoTime();
        // the models' shared budget: what a section does not use (early stopping) goes to the sections after it,
        // shared equally by their models, so the models of one app always get the same budget
        double modelBudgetLeft = totalSeconds;
        int modelsLeft = models;
        try {
            for (int i = 0; i < selected.size(); i++) {
                CompareSection section = selected.get(i);
                int sectionModels = section.modelCount(settings);
                double sectionFixed = section.fixedSeconds(settings);
                double share = modelsLeft > 0 ? Math.max(MIN_SECONDS_PER_MODEL, modelBudgetLeft / modelsLeft) : perModel;
                CompareSettings sectionSettings = settings.withSecondsPerModel(share);
                progress.rebudget(share, modelsLeft * share + remainingFixed(selected, i, settings));
                progress.println(System.err, sectionModels > 0
                        ? String.format(Locale.ROOT, "[%d/%d] %s: %d models, %.0f s each at most", i + 1, selected.size(),
                                section.app(), sectionModels, share)
                        : String.format(Locale.ROOT, "[%d/%d] %s: runs on budgets of its own, about %.0f s", i + 1,
                                selected.size(), section.app(), sectionFixed));
                progress.sectionStarted(section.app(), sectionModels, sectionFixed);
                double trainedBefore = progress.trainingSecondsUsed();
                boolean keeps = kept != null && section instanceof ModelCompareSection<?, ?, ?>;
                CompareSection running = keeps ? ((ModelCompareSection<?, ?, ?>) section).keepingModels(kept.root()) : section;
                Path sectionDir = outputDir.resolve(section.app());
                SectionResult result = running.run(sectionSettings, sectionDir, progress);
                if (sectionModels > 0) {
                    // only training counts against the budget: a section's evaluations, baselines and data
                    // loading must not starve the apps after it
                    modelBudgetLeft = Math.max(0, modelBudgetLeft - (progress.trainingSecondsUsed() - trainedBefore));
                    modelsLeft -= sectionModels;
                }
                List<KeptModels.Model> sectionKept = keeps
                        ? kept.collect(appOf(section), section.app(), sectionDir, progress.lines("")) : List.of();
                report.add(result, keeps ? kept.howToServe(section.app()) : null, sectionKept, (System.nanoTime() - start) / 1e9);
                progress.sectionFinished(sectionModels, sectionFixed);
                progress.println(System.out, report.console(result));
            }
        } finally {
            progress.clear();
            removeHook(onInterrupt);
        }
        System.out.printf(Locale.ROOT, "%d apps in %.0f s; report: %s%n", selected.size(), (System.nanoTime() - start) / 1e9,
                outputDir.resolve("index.html").toAbsolutePath());
        if (kept != null) {
            System.out.printf(Locale.ROOT, "models kept in %s: scripts/rnn-suite serve --models %s, then %s/%n", kept.root(),
                    kept.serveRoot(), KeptModels.PLAYGROUND);
        }
        return 0;
    }

    /** The app whose section this is, or {@code null}. */
    private static AppModule appOf(CompareSection section) {
        return Apps.all().stream().filter(a -> a.info().command().equals(section.app())).findFirst().orElse(null);
    }

    /** Ends the interrupt message's watch: the run finished, or failed with its own error message. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and says what was kept
        }
    }

    /** The fixed seconds of the sections from {@code index} on. */
    private static double remainingFixed(List<CompareSection> sections, int index, CompareSettings settings) {
        return sections.subList(index, sections.size()).stream().mapToDouble(s -> s.fixedSeconds(settings)).sum();
    }

    private List<CompareSection> selectedSections() {
        Map<String, CompareSection> all = sections();
        if (apps == null || apps.isEmpty()) {
            return new ArrayList<>(all.values());
        }
        List<CompareSection> selected = new ArrayList<>();
        for (String app : apps) {
            CompareSection section = all.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(app.trim()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new UserInputException("unknown app '" + app + "' in --apps: expected one of "
                            + String.join(", ", all.keySet())));
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
}
