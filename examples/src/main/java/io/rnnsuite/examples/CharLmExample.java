package io.rnnsuite.examples;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.CharLmEvaluation;
import io.rnnsuite.charlm.CharLmTrainer;
import io.rnnsuite.charlm.CorpusText;
import io.rnnsuite.charlm.NextCharModel;
import io.rnnsuite.charlm.SamplingOptions;
import io.rnnsuite.common.train.ConsoleProgress;
import io.rnnsuite.common.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A character language model, from text to generated text.
 *
 * <ol>
 *   <li>Data: the English Europarl sample bundled at build time (or {@code --text FILE}), split
 *       90/5/5 in order; the character vocabulary comes from the training part only.</li>
 *   <li>Configuration: a 2-layer LSTM over one-hot characters, sequences of 100 characters,
 *       truncated BPTT over 50 ({@link CharLmConfig#defaults()}).</li>
 *   <li>Training: common's trainer (early stopping, best model kept) saves model.zip,
 *       vocabulary.json and run.json to {@code --output-dir}.</li>
 *   <li>Evaluation: bits per character on the test part beside a unigram and a 5-gram model.</li>
 *   <li>Inference: 300 characters sampled at temperature 0.8, one {@code rnnTimeStep} each.</li>
 * </ol>
 * The default run (3 epochs of 150 batches) takes about half an hour on 2 busy cores and reaches
 * roughly the n-gram's level; {@code --epochs 1 --max-batches 2} is a smoke test.
 */
public final class CharLmExample {

    /** The example's flags (every other setting is a documented default). */
    static final class Options {
        @Option(names = "--corpus", description = "Bundled corpus (default: ${DEFAULT-VALUE}).")
        String corpus = "europarl-en";
        @Option(names = "--text", description = "Your own UTF-8 text file instead (default: none).")
        Path text;
        @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
        int epochs = 3;
        @Option(names = "--max-batches", description = "Minibatches per epoch, 0 = all (default: ${DEFAULT-VALUE}).")
        int maxBatches = 150;
        @Option(names = "--hidden", description = "LSTM units per layer (default: ${DEFAULT-VALUE}).")
        int hidden = CharLmConfig.defaults().hiddenSize();
        @Option(names = "--sequence-length", description = "Characters per sequence (default: ${DEFAULT-VALUE}).")
        int sequenceLength = CharLmConfig.defaults().sequenceLength();
        @Option(names = "--output-dir", description = "Model directory (default: ${DEFAULT-VALUE}).")
        Path outputDir = Path.of("models", "char-lm-example");
    }

    /** What the example produced: the trained model's run, the baselines' scores and a sample. */
    public record Result(CharLmTrainer.Result training, List<CharLmEvaluation> baselines, String sample) {
    }

    public static void main(String[] args) {
        run(args);
    }

    public static Result run(String... args) {
        Options options = CommandLine.populateCommand(new Options(), args);

        // 1. Data
        CorpusText text = options.text != null ? CorpusText.file(options.text) : CorpusText.bundled(options.corpus);

        // 2. Configuration: the documented defaults, sized by the flags
        CharLmConfig config = CharLmConfig.defaults()
                .withSizes(options.hidden, options.sequenceLength, Math.min(50, options.sequenceLength));
        TrainingConfig training = TrainingConfig.defaults().withMaxEpochs(options.epochs);
        training = new TrainingConfig(training.maxEpochs(), training.batchSize(), 0.003, training.patience(),
                training.clipNorm(), training.seed(), options.maxBatches, 0);

        // 3. Training (saves the model directory)
        CharLmTrainer.Result trained = new CharLmTrainer(config, training, ConsoleProgress.onStderr("charlm"))
                .train(text, options.outputDir, false);

        // 4. Evaluation beside the count-based baselines
        List<CharLmEvaluation> baselines = CharLmEvaluation.baselines(trained.corpus()).stream()
                .map((NextCharModel m) -> CharLmEvaluation.of(m, trained.corpus())).toList();
        System.out.printf(Locale.ROOT, "%-20s test %.3f bits/char%n", trained.evaluation().model(),
                trained.evaluation().test().bitsPerSymbol());
        baselines.forEach(b -> System.out.printf(Locale.ROOT, "%-20s test %.3f bits/char%n", b.model(), b.test().bitsPerSymbol()));

        // 5. Inference: stateful sampling, printed as it is generated
        System.out.print("The ");
        String sample = trained.model().sampler().sample("The ", new SamplingOptions(300, 0.8, 0, 42L), System.out::print);
        System.out.println();
        return new Result(trained, baselines, sample);
    }
}
