package io.rnnsuite.seq2seq.cli;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.TranslationCatalog;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.data.Tokenization;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The translation flags of {@code translate train} and {@code translate compare}: where the pairs
 * come from and the non-recurrent parts of the model; with common's recurrent and training flags
 * they make a {@link TranslationConfig}.
 */
public final class TranslateOptions implements AppOptions<TranslationConfig> {

    private static final TranslationConfig DEFAULTS = TranslationConfig.defaults();

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Generated pairs: numbers-en-fr, dates-en-fr or mixed-en-fr (default: ${DEFAULT-VALUE}).")
    public String dataset = TranslationCatalog.NUMBERS;

    @Option(names = "--pairs", paramLabel = "FILE",
            description = "Your own pairs instead: UTF-8 lines 'source<TAB>target[<TAB>attribution]' (Tatoeba/Anki export).")
    public Path pairsFile;

    @Option(names = "--pairs-count", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Pairs to generate for --dataset (default: ${DEFAULT-VALUE}).")
    public int pairsCount = TranslationConfig.DEFAULT_PAIRS;

    @Option(names = "--reverse", description = "Translate the other way (French → English) (default: ${DEFAULT-VALUE}).")
    public boolean reverse;

    @Option(names = "--tokens", paramLabel = "KIND", description = "character or word tokens (default: ${DEFAULT-VALUE}).")
    public String tokens = DEFAULTS.tokenization().toString();

    @Option(names = "--attention", description = "Attention of every decoder step over all encoder outputs (default: ${DEFAULT-VALUE}).")
    public boolean attention = DEFAULTS.attention();

    @Option(names = "--max-length", converter = Ranges.AtLeastOne.class, paramLabel = "N",
            description = "Most tokens per sentence on either side; longer training pairs are skipped (default: ${DEFAULT-VALUE}).")
    public int maxLength = DEFAULTS.maxSourceLength();

    @Option(names = "--beam", converter = Ranges.AtLeastOne.class, paramLabel = "K",
            description = "Beam width: above 1, the test is also decoded by beam search (metrics *_beam) and predict uses it; "
                    + "1 = greedy only (default: ${DEFAULT-VALUE}).")
    public int beam = DEFAULTS.beamWidth();

    @Option(names = "--length-penalty", converter = Ranges.ZeroOrMoreNumber.class, paramLabel = "A",
            description = "Beam scores are log-probability / length^A (default: ${DEFAULT-VALUE}).")
    public double lengthPenalty = DEFAULTS.lengthPenalty();

    @Option(names = "--validation-fraction", converter = Ranges.Fraction.class, paramLabel = "F", description = "Share held out for early stopping (default: ${DEFAULT-VALUE}).")
    public double validationFraction = DEFAULTS.validationFraction();

    @Option(names = "--test-fraction", converter = Ranges.Fraction.class, paramLabel = "F", description = "Share held out for the test (default: ${DEFAULT-VALUE}).")
    public double testFraction = DEFAULTS.testFraction();

    @Override
    public TranslationConfig toConfig(RecurrentSpec spec, TrainingConfig training) {
        PairSource data = pairsFile != null ? PairSource.file(pairsFile, reverse) : PairSource.generated(dataset, pairsCount, reverse);
        return new TranslationConfig(data, Tokenization.parse(tokens), maxLength, maxLength, spec, attention, beam,
                lengthPenalty, validationFraction, testFraction, training);
    }
}
