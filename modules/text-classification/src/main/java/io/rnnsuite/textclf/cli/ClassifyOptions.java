package io.rnnsuite.textclf.cli;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.TextCatalog;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.embedding.EmbeddingSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags of {@code classify train} and {@code classify compare} beside common's recurrent,
 * training and run flags: where the labelled texts come from, and the text-specific parts of the
 * model (vocabulary, length, embeddings, pooling, split).
 */
public final class ClassifyOptions implements AppOptions<TextClassificationConfig> {

    private static final TextClassificationConfig DEFAULTS = TextClassificationConfig.defaults();

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Bundled corpus: wordnet-topics or gloss-sentiment; ignored with --csv (default: ${DEFAULT-VALUE}).")
    public String dataset = TextCatalog.WORDNET_TOPICS;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Your labelled texts: CSV (or .tsv) with a header row, UTF-8 (default: none).")
    public Path csv;

    @Option(names = "--test-csv", paramLabel = "FILE",
            description = "A separate test file in the same format as --csv; else the test part is split off (default: none).")
    public Path testCsv;

    @Option(names = "--text-column", paramLabel = "NAME", description = "Header of the text column (default: ${DEFAULT-VALUE}).")
    public String textColumn = "text";

    @Option(names = "--label-column", paramLabel = "NAME", description = "Header of the label column (default: ${DEFAULT-VALUE}).")
    public String labelColumn = "label";

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field separator of --csv: a character or 'tab'; default by extension (.tsv: tab, else comma).")
    public String delimiter;

    @Option(names = "--keep-examples",
            description = "Bundled glosses: keep the quoted usage examples after ';' (they often contain the headword) "
                    + "(default: ${DEFAULT-VALUE}).")
    public boolean keepExamples;

    @Option(names = "--max-length", converter = Ranges.AtLeastOne.class, paramLabel = "N",
            description = "Tokens kept per text; longer texts are truncated and counted (default: ${DEFAULT-VALUE}).")
    public int maxLength = DEFAULTS.maxLength();

    @Option(names = "--min-count", converter = Ranges.ZeroOrMore.class, paramLabel = "N",
            description = "Least training count for a word to get its own index (default: ${DEFAULT-VALUE}).")
    public int minCount = DEFAULTS.minCount();

    @Option(names = "--max-vocabulary", converter = Ranges.ZeroOrMore.class, paramLabel = "N",
            description = "Most vocabulary entries incl. <pad> and <unk>; 0 = no limit (default: ${DEFAULT-VALUE}).")
    public int maxVocabulary = DEFAULTS.maxVocabulary();

    @Option(names = "--embedding-size", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Width of the word vectors (default: ${DEFAULT-VALUE}).")
    public int embeddingSize = DEFAULTS.embeddingSize();

    @Option(names = "--embeddings", paramLabel = "SOURCE",
            description = "Starting word vectors: learned (random), word2vec (DL4J Word2Vec on the training texts) "
                    + "or a GloVe/word2vec text FILE whose dimension equals --embedding-size (default: ${DEFAULT-VALUE}).")
    public String embeddings = "learned";

    @Option(names = "--freeze-embeddings",
            description = "Keep pretrained vectors fixed instead of fine-tuning them (default: ${DEFAULT-VALUE}).")
    public boolean freezeEmbeddings;

    @Option(names = "--pooling", paramLabel = "HOW",
            description = "last, mean or max over time steps; auto = last, or mean for one bidirectional layer "
                    + "(default: ${DEFAULT-VALUE}).")
    public String pooling = "auto";

    @Option(names = "--validation-fraction", converter = Ranges.Fraction.class, paramLabel = "F",
            description = "Share of each class held out for early stopping (default: ${DEFAULT-VALUE}).")
    public double validationFraction = DEFAULTS.validationFraction();

    @Option(names = "--test-fraction", converter = Ranges.Fraction.class, paramLabel = "F",
            description = "Share of each class held out for the test; unused with --test-csv (default: ${DEFAULT-VALUE}).")
    public double testFraction = DEFAULTS.testFraction();

    /** The data source these flags name. */
    public TextSource toSource() {
        return new TextSource(csv == null ? dataset : null, csv, testCsv, textColumn, labelColumn, delimiter(delimiter),
                keepExamples);
    }

    /** {@code --delimiter}: one character or {@code tab}; {@code null} = by the file's extension. */
    public static Character delimiter(String value) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.length() == 1) {
            return value.charAt(0);
        }
        throw new UserInputException("--delimiter must be one character or 'tab', got '" + value + "'");
    }

    /** {@code --pooling}: {@code null} for auto. */
    SequencePooling pooling() {
        return pooling.equalsIgnoreCase("auto") ? null : SequencePooling.parse(pooling);
    }

    @Override
    public TextClassificationConfig toConfig(RecurrentSpec spec, TrainingConfig training) {
        return new TextClassificationConfig(toSource(), maxLength, minCount, maxVocabulary, embeddingSize, spec, pooling(),
                validationFraction, testFraction, training, EmbeddingSource.parse(embeddings, freezeEmbeddings));
    }
}
