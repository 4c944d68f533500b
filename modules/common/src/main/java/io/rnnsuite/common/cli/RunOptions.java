package io.rnnsuite.common.cli;

import io.rnnsuite.common.NativeThreads;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags every training and comparing command shares, with one meaning each: where results
 * go, how long training may take, and ND4J's threads. Declare it as
 * {@code @Mixin RunOptions run = new RunOptions(Path.of("models", "my-app"))}; training commands
 * add {@code --resume} ({@link ResumeOption}).
 */
public class RunOptions {

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the results go (default: ${DEFAULT-VALUE}).")
    public Path outputDir;

    @Option(names = "--budget", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Wall-clock training budget of each model: 90s, 10m, 1h; 0 = none (default: 0).")
    public Duration budget = Duration.ZERO;

    @Option(names = "--threads", converter = Ranges.ZeroOrMore.class, paramLabel = "N",
            description = "ND4J operation threads; 0 = leave as the launcher set them (default: ${DEFAULT-VALUE}).")
    public int threads;

    public RunOptions() {
        this(Path.of("models"));
    }

    public RunOptions(Path defaultOutputDir) {
        outputDir = defaultOutputDir;
    }

    /** The budget, or {@code null} for none. */
    public Duration budgetOrNull() {
        return budget == null || budget.isZero() ? null : budget;
    }

    /** Applies {@code --threads} (checked: at least 0). */
    public void applyThreads() {
        if (threads < 0) {
            throw new io.rnnsuite.common.UserInputException("--threads must be 0 (leave as is) or a positive count, got " + threads);
        }
        NativeThreads.apply(threads);
    }
}
