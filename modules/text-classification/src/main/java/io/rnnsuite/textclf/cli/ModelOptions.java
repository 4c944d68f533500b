package io.rnnsuite.textclf.cli;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.cli.RecurrentOptions;
import io.rnnsuite.common.cli.TrainingOptions;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.embedding.EmbeddingSource;
import picocli.CommandLine.Option;

/** The text-specific model flags; with common's recurrent and training flags they make a {@link TextClassificationConfig}. */
public class ModelOptions {

    private static final TextClassificationConfig DEFAULTS = TextClassificationConfig.defaults();

    @Option(names = "--max-length", paramLabel = "N",
            description = "Tokens kept per text; longer texts are truncated and counted (default: ${DEFAULT-VALUE}).")
    public int maxLength = DEFAULTS.maxLength();

    @Option(names = "--min-count", paramLabel = "N",
            description = "Least training count for a word to get its own index (default: ${DEFAULT-VALUE}).")
    public int minCount = DEFAULTS.minCount();

    @Option(names = "--max-vocabulary", paramLabel = "N",
            description = "Most vocabulary entries incl. <pad> and <unk>; 0 = no limit (default: ${DEFAULT-VALUE}).")
    public int maxVocabulary = DEFAULTS.maxVocabulary();

    @Option(names = "--embedding-size", paramLabel = "N", description = "Width of the learned word vectors (default: ${DEFAULT-VALUE}).")
    public int embeddingSize = DEFAULTS.embeddingSize();

    @Option(names = "--embeddings", paramLabel = "SOURCE",
            description = "Starting word vectors: learned (random), word2vec (DL4J Word2Vec on the training texts) "
                    + "or a GloVe/word2vec text FILE whose dimension equals --embedding-size (default: ${DEFAULT-VALUE}).")
    public String embeddings = "learned";

    @Option(names = "--freeze-embeddings",
            description = "Keep pretrained vectors fixed instead of fine-tuning them (default: ${DEFAULT-VALUE}).")
    public boolean freezeEmbeddings;

    @Option(names = "--pooling", paramLabel = "HOW",
            description = "last, mean or max over time steps; auto = last, or mean for one bidirectional layer (default: ${DEFAULT-VALUE}).")
    public String pooling = "auto";

    @Option(names = "--validation-fraction", paramLabel = "F",
            description = "Share of each class held out for early stopping (default: ${DEFAULT-VALUE}).")
    public double validationFraction = DEFAULTS.validationFraction();

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share of each class held out for the test (default: ${DEFAULT-VALUE}).")
    public double testFraction = DEFAULTS.testFraction();

    /** Common's training flags with this app's defaults (fewer epochs, shorter patience). */
    public static TrainingOptions trainingDefaults() {
        TrainingOptions options = new TrainingOptions();
        options.epochs = DEFAULTS.training().maxEpochs();
        options.patience = DEFAULTS.training().patience();
        return options;
    }

    /** Common's recurrent flags with this app's default width. */
    public static RecurrentOptions recurrentDefaults() {
        RecurrentOptions options = new RecurrentOptions();
        options.hidden = DEFAULTS.recurrent().hiddenSize();
        return options;
    }

    public SequencePooling pooling(RecurrentSpec spec) {
        if (!pooling.equalsIgnoreCase("auto")) {
            return SequencePooling.parse(pooling);
        }
        SequencePooling automatic = SequencePooling.defaultFor(spec);
        // stacked bidirectional layers + pooling is mis-masked by DL4J M2.1 (see TextClassificationConfig)
        return TextClassificationConfig.hasStackedBidirectionalPoolingBug(spec, automatic) ? SequencePooling.LAST : automatic;
    }

    public TextClassificationConfig toConfig(RecurrentSpec spec, TrainingConfig training) {
        return new TextClassificationConfig(maxLength, minCount, maxVocabulary, embeddingSize, spec, pooling(spec),
                validationFraction, testFraction, training, EmbeddingSource.parse(embeddings, freezeEmbeddings));
    }
}
