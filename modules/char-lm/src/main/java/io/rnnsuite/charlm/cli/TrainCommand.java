package io.rnnsuite.charlm.cli;

import io.rnnsuite.charlm.CharLmEvaluation;
import io.rnnsuite.charlm.CharLmTrainer;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code charlm train}: learns a corpus and saves model.zip, vocabulary.json and run.json. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a character language model and save it.")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions corpus;
    @Mixin
    CharLmOptions model;
    @Mixin
    TrainingOptions training;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Stop before an epoch that would overrun this many seconds, 0 = no limit (default: ${DEFAULT-VALUE}).")
    long timeBudgetSeconds;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the model goes (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("models", "char-lm");

    @Option(names = "--resume", description = "Continue from DIR/checkpoint (default: ${DEFAULT-VALUE}).")
    boolean resume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrainingConfig config = training.toConfig();
        if (timeBudgetSeconds > 0) {
            config = config.withTimeBudget(Duration.ofSeconds(timeBudgetSeconds));
        }
        CharLmTrainer.Result result = new CharLmTrainer(model.toConfig(), config, ConsoleProgress.onStderr("charlm"))
                .train(corpus.load(), outputDir, resume);
        PrintWriter out = spec.commandLine().getOut();
        CharLmEvaluation e = result.evaluation();
        out.printf(Locale.ROOT, "%s on %s: validation %.4f bpc, test %.4f bpc (perplexity %.3f); %,.0f training chars/s%n",
                e.model(), result.corpus().source(), e.validation().bitsPerSymbol(), e.test().bitsPerSymbol(),
                e.test().perplexity(), result.trainingCharsPerSecond());
        out.println("saved to " + outputDir);
        out.flush();
        return 0;
    }
}
