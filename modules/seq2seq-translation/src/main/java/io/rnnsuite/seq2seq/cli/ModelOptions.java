package io.rnnsuite.seq2seq.cli;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.Tokenization;
import picocli.CommandLine.Option;

/** The translation-specific flags; with common's recurrent and training flags they make a {@link TranslationConfig}. */
public class ModelOptions {

    private static final TranslationConfig DEFAULTS = TranslationConfig.defaults();

    @Option(names = "--tokens", paramLabel = "KIND", description = "character or word tokens (default: ${DEFAULT-VALUE}).")
    public String tokens = DEFAULTS.tokenization().toString();

    @Option(names = "--attention", description = "Attention of every decoder step over all encoder outputs (default: ${DEFAULT-VALUE}).")
    public boolean attention = DEFAULTS.attention();

    @Option(names = "--max-length", paramLabel = "N",
            description = "Most tokens per sentence on either side; longer training pairs are skipped (default: ${DEFAULT-VALUE}).")
    public int maxLength = DEFAULTS.maxSourceLength();

    @Option(names = "--beam", paramLabel = "K", description = "Beam width for the test evaluation, 1 = greedy (default: ${DEFAULT-VALUE}).")
    public int beam = DEFAULTS.beamWidth();

    @Option(names = "--length-penalty", paramLabel = "A",
            description = "Beam scores are log-probability / length^A (default: ${DEFAULT-VALUE}).")
    public double lengthPenalty = DEFAULTS.lengthPenalty();

    @Option(names = "--validation-fraction", paramLabel = "F", description = "Share held out for early stopping (default: ${DEFAULT-VALUE}).")
    public double validationFraction = DEFAULTS.validationFraction();

    @Option(names = "--test-fraction", paramLabel = "F", description = "Share held out for the test (default: ${DEFAULT-VALUE}).")
    public double testFraction = DEFAULTS.testFraction();

    /** Common's training flags with this app's defaults. */
    public static TrainingOptions trainingDefaults() {
        return new TrainingOptions(DEFAULTS.training());
    }

    /** Common's recurrent flags with this app's default width. */
    public static RecurrentOptions recurrentDefaults() {
        RecurrentOptions options = new RecurrentOptions();
        options.hidden = DEFAULTS.encoder().hiddenSize();
        return options;
    }

    public TranslationConfig toConfig(RecurrentSpec encoder, TrainingConfig training) {
        return new TranslationConfig(Tokenization.parse(tokens), maxLength, maxLength, encoder, attention, beam,
                lengthPenalty, validationFraction, testFraction, training);
    }
}
