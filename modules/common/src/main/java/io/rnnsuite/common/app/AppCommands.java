package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.cli.ClusterOptions;
import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.ResumeOption;
import io.rnnsuite.common.cli.RunOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.cli.VariantsOptions;
import io.rnnsuite.common.io.DirectoryLock;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code train / evaluate / predict / compare} commands of every app, written once: each is
 * common's flags (recurrent, training, run) plus the app's own ({@link RnnApp#newOptions()}), and
 * calls {@link TrainRun}, {@link CompareRun} or the app's evaluate / predict, then prints through
 * {@link ConsoleReport}.
 */
public final class AppCommands {

    private AppCommands() {
    }

    /** The app's subcommand with the four shared verbs and its own extra ones. */
    public static <C, D, M> CommandLine of(RnnApp<C, D, M> app) {
        CommandSpec root = CommandSpec.forAnnotatedObject(new Root<>(app));
        root.name(app.info().command());
        root.usageMessage().description(app.info().description() + " With --model DIR and inputs, the same as predict.");
        CommandLine line = new CommandLine(root).setUnmatchedOptionsArePositionalParams(true);
        line.addSubcommand("train", withAppOptions(new Train<>(app)));
        line.addSubcommand("evaluate", new CommandLine(new Evaluate<>(app)));
        // an input may start with '-' (a negative number, a dash in a text)
        line.addSubcommand("predict", new CommandLine(new Predict<>(app)).setUnmatchedOptionsArePositionalParams(true));
        line.addSubcommand("compare", withAppOptions(new Compare<>(app)));
        for (Object extra : app.extraCommands()) {
            line.addSubcommand(extra);
        }
        return line;
    }

    /**
     * The app's own command: its usage without a verb, or {@code APP --model DIR INPUT...} as a
     * shorthand for {@code APP predict} ({@code translate --model DIR "three hundred"}).
     */
    @Command(mixinStandardHelpOptions = true)
    static final class Root<C, D, M> implements Callable<Integer> {
        private final RnnApp<C, D, M> app;
        @Option(names = "--model", paramLabel = "DIR", description = "Answer INPUTs with this model directory (as predict does).")
        Path model;
        @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Inputs for --model ('-' = standard input).")
        List<String> inputs = new ArrayList<>();
        @CommandLine.Spec
        CommandSpec spec;

        Root(RnnApp<C, D, M> app) {
            this.app = app;
        }

        @Override
        public Integer call() throws IOException {
            if (model == null) {
                if (!inputs.isEmpty()) {
                    throw new UserInputException("unknown command '" + inputs.get(0) + "' for " + app.info().command()
                            + ": expected one of " + String.join(", ", spec.subcommands().keySet()) + ", or --model DIR INPUT...");
                }
                spec.commandLine().usage(spec.commandLine().getOut());
                return 0;
            }
            return predict(app, model, inputs, spec);
        }
    }

    private static CommandLine withAppOptions(HasAppOptions command) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        spec.addMixin("app", CommandSpec.forAnnotatedObject(command.appOptions()));
        return new CommandLine(spec);
    }

    private interface HasAppOptions {
        Object appOptions();
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train one model, score it on the test split beside the baselines, write a model directory.")
    static final class Train<C, D, M> implements Callable<Integer>, HasAppOptions {
        private final RnnApp<C, D, M> app;
        private final AppOptions<C> options;
        @Mixin
        RecurrentOptions recurrent;
        @Mixin
        TrainingOptions training;
        @Mixin
        RunOptions run;
        @Mixin
        ResumeOption resume = new ResumeOption();
        @Mixin
        ClusterOptions cluster = new ClusterOptions();
        @CommandLine.Spec
        CommandSpec spec;

        Train(RnnApp<C, D, M> app) {
            this.app = app;
            this.options = app.newOptions();
            C defaults = app.defaults(false);
            recurrent = new RecurrentOptions(app.spec(defaults));
            training = new TrainingOptions(app.training(defaults));
            run = new RunOptions(Path.of("models", app.info().command()));
        }

        @Override
        public Object appOptions() {
            return options;
        }

        @Override
        public Integer call() {
            run.applyThreads();
            TrainingConfig trainingConfig = training.toConfig().withTimeBudget(run.budgetOrNull());
            C config = options.toConfig(recurrent.toSpec(), trainingConfig);
            // --spark connects first, so that a bad or unreachable master fails before the data loads
            try (ClusterOptions.Scope onCluster = cluster.open("rnn-suite " + app.info().command() + " train")) {
                TrainRun.Outcome<C, M> outcome = TrainRun.run(app, config, run.outputDir, resume.resume,
                        ConsoleProgress.onStderr("train"));
                print(spec, ConsoleReport.train(app, outcome));
            }
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train each recurrent variant on the same data and split, beside the baselines; "
                    + "write report.md, results.json and learning curves.")
    static final class Compare<C, D, M> implements Callable<Integer>, HasAppOptions {
        private final RnnApp<C, D, M> app;
        private final AppOptions<C> options;
        @Mixin
        VariantsOptions variants;
        @Mixin
        TrainingOptions training;
        @Mixin
        RunOptions run;
        @CommandLine.Spec
        CommandSpec spec;

        Compare(RnnApp<C, D, M> app) {
            this.app = app;
            this.options = app.newOptions();
            C defaults = app.defaults(false);
            variants = new VariantsOptions(app.spec(defaults).hiddenSize());
            training = new TrainingOptions(app.training(defaults));
            run = new RunOptions(Path.of("reports", app.info().command()));
        }

        @Override
        public Object appOptions() {
            return options;
        }

        @Override
        public Integer call() {
            run.applyThreads();
            List<RecurrentSpec> specs = variants.toSpecs();
            C base = options.toConfig(specs.get(0), training.toConfig());
            if (CompareRun.supported(app, specs).isEmpty()) {
                throw new UserInputException("--cells " + String.join(",", variants.cells) + ": " + app.info().command()
                        + " can train none of them (" + app.unsupported(specs.get(0)).orElse("") + ")");
            }
            try (DirectoryLock lock = DirectoryLock.acquire(run.outputDir, app.info().command() + " compare")) {
                CompareRun.Outcome<C, D, M> outcome = CompareRun.run(app, base, specs, run.budgetOrNull(),
                        ConsoleProgress.onStderr("compare"));
                CompareRun.write(app, List.of(outcome), run.outputDir);
                print(spec, ConsoleReport.compare(app, outcome, run.outputDir));
            }
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Score a saved model on the test split it was made with, beside the baselines.")
    static final class Evaluate<C, D, M> implements Callable<Integer> {
        private final RnnApp<C, D, M> app;
        @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model directory written by train.")
        Path model;
        @CommandLine.Spec
        CommandSpec spec;

        Evaluate(RnnApp<C, D, M> app) {
            this.app = app;
        }

        @Override
        public Integer call() {
            AppModels.Loaded<C, M> loaded = AppModels.open(app, model);
            D data = app.load(loaded.config());
            List<Evaluation> all = new ArrayList<>();
            all.add(app.evaluate(loaded.model(), data));
            all.addAll(app.baselines(loaded.config(), data));
            print(spec, ConsoleReport.evaluate(app.describe(loaded.config(), data), all));
            return 0;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Answer inputs with a saved model; '-' reads one input per line from standard input.")
    static final class Predict<C, D, M> implements Callable<Integer> {
        private final RnnApp<C, D, M> app;
        @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model directory written by train.")
        Path model;
        @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Inputs to answer ('-' = standard input).")
        List<String> inputs = new ArrayList<>();
        @CommandLine.Spec
        CommandSpec spec;

        Predict(RnnApp<C, D, M> app) {
            this.app = app;
        }

        @Override
        public Integer call() throws IOException {
            return AppCommands.predict(app, model, inputs, spec);
        }
    }

    private static <C, D, M> int predict(RnnApp<C, D, M> app, Path model, List<String> inputs, CommandSpec spec)
            throws IOException {
        AppModels.Loaded<C, M> loaded = AppModels.open(app, model);
        List<String> answers = app.predict(loaded.model(), readInputs(inputs));
        print(spec, String.join("\n", answers) + (answers.isEmpty() ? "" : "\n"));
        return 0;
    }

    /** The inputs, with {@code -} replaced by the non-empty lines of standard input. */
    static List<String> readInputs(List<String> inputs) throws IOException {
        List<String> all = new ArrayList<>();
        for (String input : inputs) {
            if (!input.equals("-")) {
                all.add(input);
                continue;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    all.add(line);
                }
            }
        }
        return all;
    }

    private static void print(CommandSpec spec, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
