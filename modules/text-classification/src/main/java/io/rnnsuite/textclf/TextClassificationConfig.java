package io.rnnsuite.textclf;

import io.rnnsuite.common.app.AppConfig;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.TextCatalog;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.embedding.EmbeddingSource;

/**
 * Everything that decides a text-classification run, the data included; {@link #defaults()}
 * documents the defaults. Saved as {@code app-config.json} beside every model.
 *
 * @param source             where the labelled texts come from (default the bundled
 *                           {@code wordnet-topics}; a user's CSV/TSV, optionally with a separate test file)
 * @param maxLength          tokens kept per text; longer texts are truncated and counted (default 40:
 *                           WordNet definitions average ~10 tokens, nearly none exceed 40)
 * @param minCount           least training-split count for a word to get its own index (default 2;
 *                           rarer words share UNK, which also teaches the model what "unseen" means)
 * @param maxVocabulary      most vocabulary entries including PAD and UNK (default 20,000)
 * @param embeddingSize      width of the learned word vectors (default 64)
 * @param recurrent          cell, hidden size, layers, direction, dropout (default one LSTM of 64)
 * @param pooling            many-to-one reduction, or {@code null} (the default) for automatic:
 *                           LAST for one direction, MEAN for one bidirectional layer, LAST for
 *                           stacked bidirectional layers (see {@link #effectivePooling()})
 * @param validationFraction share of each class held out for early stopping (default 0.1)
 * @param testFraction       share of each class held out for the final test (default 0.1)
 * @param training           epochs, batch size, learning rate, patience, clipping, seed
 *                           (default 10 epochs, batch 32, Adam 0.005, patience 3, clip 1.0, seed 42)
 * @param embeddings         where the word vectors start from and whether they are fine-tuned
 *                           (default learned from scratch; {@code null}, as in models saved before
 *                           the option existed, means the same)
 */
public record TextClassificationConfig(TextSource source, int maxLength, int minCount, int maxVocabulary, int embeddingSize,
                                       RecurrentSpec recurrent, SequencePooling pooling, double validationFraction,
                                       double testFraction, TrainingConfig training,
                                       EmbeddingSource embeddings) implements AppConfig<TextClassificationConfig> {

    public static final int DEFAULT_MAX_LENGTH = 40;
    public static final int DEFAULT_MIN_COUNT = 2;
    public static final int DEFAULT_MAX_VOCABULARY = 20_000;
    public static final int DEFAULT_EMBEDDING_SIZE = 64;
    public static final int DEFAULT_HIDDEN = 64;
    public static final int DEFAULT_EPOCHS = 10;
    public static final int DEFAULT_PATIENCE = 3;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    public static final double DEFAULT_TEST_FRACTION = 0.1;

    public TextClassificationConfig {
        if (maxLength < 1) {
            throw new UserInputException("--max-length must be at least 1, got " + maxLength);
        }
        if (minCount < 1) {
            throw new UserInputException("--min-count must be at least 1, got " + minCount);
        }
        if (maxVocabulary != 0 && maxVocabulary < 3) {
            throw new UserInputException("--max-vocabulary must be 0 (no limit) or at least 3, got " + maxVocabulary);
        }
        if (embeddingSize < 1) {
            throw new UserInputException("--embedding-size must be at least 1, got " + embeddingSize);
        }
        if (!(validationFraction > 0 && testFraction >= 0 && validationFraction + testFraction < 0.9)) {
            throw new UserInputException("--validation-fraction must be > 0, --test-fraction >= 0, and together below 0.9");
        }
        if (source == null || recurrent == null || training == null) {
            throw new IllegalArgumentException("source, recurrent and training are required");
        }
        if (embeddings == null) {
            embeddings = EmbeddingSource.learned();
        }
    }

    /**
     * The pooling the network uses: the chosen one, or automatically LAST for one direction, MEAN
     * for one bidirectional layer (the backward direction's last step has read one word) and LAST
     * for stacked bidirectional layers (what automatic pooling has always built there; a padded
     * text gets its own probabilities with each of the three, see MaskedBatchConsistencyTest).
     */
    public SequencePooling effectivePooling() {
        return pooling != null ? pooling : automaticPooling(recurrent);
    }

    /** What {@code --pooling auto} chooses for {@code spec}. */
    public static SequencePooling automaticPooling(RecurrentSpec spec) {
        return spec.bidirectional() && spec.layers() > 1 ? SequencePooling.LAST : SequencePooling.defaultFor(spec);
    }

    /** The defaults on the bundled {@code wordnet-topics}. */
    public static TextClassificationConfig defaults() {
        return defaults(TextSource.bundled(TextCatalog.WORDNET_TOPICS, false));
    }

    /** The defaults on {@code source}. */
    public static TextClassificationConfig defaults(TextSource source) {
        RecurrentSpec lstm = new RecurrentSpec(CellType.LSTM, DEFAULT_HIDDEN, 1, false, 0.0);
        TrainingConfig base = TrainingConfig.defaults();
        TrainingConfig training = new TrainingConfig(DEFAULT_EPOCHS, base.batchSize(), base.learningRate(),
                DEFAULT_PATIENCE, base.clipNorm(), base.seed(), 0, 0);
        return new TextClassificationConfig(source, DEFAULT_MAX_LENGTH, DEFAULT_MIN_COUNT, DEFAULT_MAX_VOCABULARY,
                DEFAULT_EMBEDDING_SIZE, lstm, null, DEFAULT_VALIDATION_FRACTION,
                DEFAULT_TEST_FRACTION, training, EmbeddingSource.learned());
    }

    /** Another recurrent part; {@code newPooling} {@code null} = automatic. */
    public TextClassificationConfig withRecurrent(RecurrentSpec spec, SequencePooling newPooling) {
        return new TextClassificationConfig(source, maxLength, minCount, maxVocabulary, embeddingSize, spec, newPooling,
                validationFraction, testFraction, training, embeddings);
    }

    public TextClassificationConfig withTraining(TrainingConfig newTraining) {
        return new TextClassificationConfig(source, maxLength, minCount, maxVocabulary, embeddingSize, recurrent, pooling,
                validationFraction, testFraction, newTraining, embeddings);
    }

    public TextClassificationConfig withSource(TextSource newSource) {
        return new TextClassificationConfig(newSource, maxLength, minCount, maxVocabulary, embeddingSize, recurrent, pooling,
                validationFraction, testFraction, training, embeddings);
    }

    public TextClassificationConfig withEmbeddings(EmbeddingSource newEmbeddings) {
        return new TextClassificationConfig(source, maxLength, minCount, maxVocabulary, embeddingSize, recurrent, pooling,
                validationFraction, testFraction, training, newEmbeddings);
    }

    /** Keeps the pooling choice: automatic stays automatic (so each compared variant gets its own). */
    @Override
    public TextClassificationConfig with(RecurrentSpec spec, TrainingConfig newTraining) {
        return withRecurrent(spec, pooling).withTraining(newTraining);
    }
}
