package io.rnnsuite.textclf.model;

import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.CsvRowShards;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.LabelledExample;
import io.rnnsuite.textclf.data.TextEncoder;
import io.rnnsuite.textclf.embedding.EmbeddingSource;
import io.rnnsuite.textclf.embedding.InitialEmbeddings;
import io.rnnsuite.textclf.embedding.Word2VecSettings;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Trains a {@link RecurrentTextClassifier}: vocabulary from the training split only, texts to
 * masked index sequences, the network from {@link TextClassifierNetwork}, and common's
 * {@link Trainer} (early stopping on validation loss, NaN guard, checkpoints).
 */
public final class TextClassifierTrainer {

    /** Validation texts per forward pass when computing the validation loss. */
    private static final int VALIDATION_BATCH = 256;

    /**
     * What training produced.
     *
     * @param classifier        the trained model (best validation epoch)
     * @param training          per-epoch history and why it stopped
     * @param truncatedTexts    training + validation texts cut to the maximum length
     * @param embeddings        how the word vectors were initialised (counts of words found / random)
     */
    public record Trained(RecurrentTextClassifier classifier, TrainingResult training, int truncatedTexts,
                          InitialEmbeddings embeddings) {
    }

    private TextClassifierTrainer() {
    }

    /** The vocabulary of the training split under {@code config}'s limits. */
    public static Vocabulary vocabulary(List<LabelledExample> train, TextClassificationConfig config) {
        return Vocabulary.build(tokenized(train), config.minCount(), config.maxVocabulary());
    }

    private static List<List<String>> tokenized(List<LabelledExample> examples) {
        WordTokenizer tokenizer = new WordTokenizer();
        return examples.stream().map(e -> tokenizer.tokenize(e.text())).toList();
    }

    /**
     * Trains on {@code split.train()}, early-stopping on {@code split.validation()}.
     *
     * @param outputDir where the trainer keeps model.zip and checkpoints; {@code null} = memory only
     * @param resume    continue from {@code outputDir}'s checkpoint
     */
    public static Trained train(TextClassificationConfig config, DataSplit split, Path outputDir, boolean resume,
                                ProgressReporter progress) {
        Vocabulary vocabulary = vocabulary(split.train(), config);
        TextEncoder encoder = new TextEncoder(vocabulary, config.maxLength());
        int classes = split.labels().size();
        List<MultiDataSet> train = encoder.examples(split.train(), split.labelIndices(split.train()), classes);
        List<MultiDataSet> validation = encoder.examples(split.validation(), split.labelIndices(split.validation()), classes);
        MultiLayerNetwork network = TextClassifierNetwork.build(config, vocabulary.size(), classes);
        InitialEmbeddings embeddings = InitialEmbeddings.prepare(config.embeddings(), vocabulary,
                tokenized(split.train()), config.embeddingSize(), config.training().seed(), Word2VecSettings.defaults());
        if (embeddings.matrix() != null) {
            TextClassifierNetwork.setEmbeddings(network, embeddings.matrix().weights());
        }
        TrainableNetwork trainable = TrainableNetwork.of(network);
        BatchSource batches = BatchSource.shuffled(train, config.training().batchSize());
        if (config.source().csv() != null) { // rows in a file: a cluster's workers can read their own ranges of it
            batches = new CsvRowShards(config.source(), split.train(), split.labels(), vocabulary, config.maxLength(),
                    config.training().batchSize(), batches);
        }
        TrainingResult result = new Trainer(config.training(), progress).train(trainable, batches,
                net -> validationLoss(net, validation), outputDir, resume);
        String name = config.embeddings().kind() == EmbeddingSource.Kind.LEARNED ? config.recurrent().label()
                : config.recurrent().label() + " + " + config.embeddings().label();
        RecurrentTextClassifier classifier = new RecurrentTextClassifier(network, vocabulary,
                new RecurrentTextClassifier.Description(name, split.labels()), config);
        return new Trained(classifier, result, encoder.truncatedCount(), embeddings);
    }

    private static double validationLoss(TrainableNetwork network, List<MultiDataSet> validation) {
        if (validation.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (int start = 0; start < validation.size(); start += VALIDATION_BATCH) {
            List<MultiDataSet> slice = validation.subList(start, Math.min(validation.size(), start + VALIDATION_BATCH));
            sum += network.loss(MultiDataSet.merge(slice)) * slice.size();
        }
        return sum / validation.size();
    }
}
