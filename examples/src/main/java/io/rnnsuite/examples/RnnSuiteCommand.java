package io.rnnsuite.examples;

import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.cli.ConsoleNoise;
import io.rnnsuite.examples.bench.BenchCommand;
import io.rnnsuite.examples.compare.CompareCommand;
import io.rnnsuite.serve.ServeCommand;
import io.rnnsuite.common.app.AppModule;
import io.rnnsuite.common.app.Apps;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn-suite}: one command with a subcommand per registered app ({@link Apps#all()}), plus {@code compare} (the main job),
 * {@code bench} (layer speed), {@code datasets} and {@code serve} (the web playground). Every flag's help line shows its default.
 */
@Command(name = "rnn-suite", mixinStandardHelpOptions = true, version = "rnn-suite 0.1.0-SNAPSHOT (DL4J 1.0.0-M2.1)",
        description = "Recurrent networks you can see working: SimpleRnn vs LSTM vs GRU on bundled data.",
        subcommands = {
                BenchCommand.class,
                CompareCommand.class,
                DatasetsCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class RnnSuiteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        ConsoleNoise.install();
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        NativeThreads.applyBlas(DEFAULT_BLAS_THREADS); // an earlier --blas-threads in this JVM must not leak
        return newCommandLine().execute(args);
    }

    /** Matrix-product threads unless {@code --blas-threads} says otherwise (see {@link NativeThreads}). */
    public static final int DEFAULT_BLAS_THREADS = 1;

    /** {@code --blas-threads}, accepted by every subcommand. */
    @Option(names = "--blas-threads", paramLabel = "N", scope = CommandLine.ScopeType.INHERIT,
            description = "Cores for the fast layers' work (default: 1). With 2 on MKL the layers split each pass"
                    + " between two threads themselves; elsewhere OpenBLAS runs the products on 2 threads. Faster on"
                    + " an idle machine, slower on a busy one (docs/results/performance.md).")
    void setBlasThreads(int threads) {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--blas-threads expects a thread count of at least 1; got " + threads);
        }
        NativeThreads.applyBlas(threads);
    }

    /** The configured command line, with the project's error policy installed. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new RnnSuiteCommand());
        for (AppModule app : Apps.all()) {
            commandLine.addSubcommand(app.info().command(), app.command());
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return CliErrors.install(commandLine);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
