package io.rnnsuite.seq2seq.model;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.PairSplit;
import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Teacher-forced training of the encoder–decoder through common's {@link Trainer}. */
public final class Seq2SeqTrainer {

    private static final int VALIDATION_BATCH = 128;

    /**
     * What training produced.
     *
     * @param translator the model with the best validation loss
     * @param training   per-epoch history and why it stopped
     * @param skipped    training + validation pairs left out for exceeding the maximum lengths
     */
    public record Trained(Translator translator, TrainingResult training, int skipped) {
    }

    private Seq2SeqTrainer() {
    }

    /**
     * Trains on {@code split.train()}, early-stopping on {@code split.validation()}.
     *
     * @param outputDir where the trainer keeps model.zip and checkpoints; {@code null} = memory only
     */
    public static Trained train(TranslationConfig config, PairSplit split, Path outputDir, boolean resume,
                                ProgressReporter progress) {
        config = fittedLengths(config, split);
        SequenceCodec codec = SequenceCodec.fit(config.tokenization(), split.train(), config.maxSourceLength(),
                config.maxTargetLength(), config.attention());
        List<MultiDataSet> train = codec.examples(split.train());
        List<MultiDataSet> validation = codec.examples(split.validation());
        if (train.isEmpty()) {
            throw new UserInputException("no training pair fits --max-length " + config.maxSourceLength() + " / "
                    + config.maxTargetLength());
        }
        int skipped = split.train().size() + split.validation().size() - train.size() - validation.size();
        ComputationGraph graph = Seq2SeqGraphs.training(config, codec.sourceVocabulary().size(), codec.targetVocabulary().size());
        TrainingResult result = new Trainer(config.training(), progress).train(TrainableNetwork.of(graph),
                BatchSource.shuffled(train, config.training().batchSize()),
                network -> validationLoss(network, validation.isEmpty() ? train : validation), outputDir, resume);
        return new Trained(new Translator(config, codec, graph), result, skipped);
    }

    /**
     * The test pairs a model trained on {@code split} with {@code config} can translate: sources no
     * longer than the fitted maximum, made of tokens seen in training (what {@link TranslationEvaluation}
     * scores, so that baselines are scored on the same sentences).
     */
    public static List<SentencePair> translatableTest(TranslationConfig config, PairSplit split) {
        TranslationConfig fitted = fittedLengths(config, split);
        java.util.Set<String> known = new java.util.HashSet<>();
        split.train().forEach(p -> known.addAll(config.tokenization().tokenize(p.source())));
        return split.test().stream().filter(p -> {
            List<String> tokens = config.tokenization().tokenize(p.source());
            return !tokens.isEmpty() && tokens.size() <= fitted.maxSourceLength() && known.containsAll(tokens);
        }).toList();
    }

    /** Training and validation pairs that exceed the configured maximum lengths (skipped in training). */
    public static int overLengthLimits(TranslationConfig config, PairSplit split) {
        int over = 0;
        for (List<SentencePair> part : List.of(split.train(), split.validation())) {
            for (SentencePair p : part) {
                int source = config.tokenization().tokenize(p.source()).size();
                int target = config.tokenization().tokenize(p.target()).size();
                over += source == 0 || source > config.maxSourceLength() || target > config.maxTargetLength() ? 1 : 0;
            }
        }
        return over;
    }

    /**
     * The configured maximum lengths, lowered to the longest training sentences: attention models pad
     * every sequence to them, so they should be no longer than the data needs.
     */
    static TranslationConfig fittedLengths(TranslationConfig config, PairSplit split) {
        int longestSource = 0;
        int longestTarget = 0;
        for (var pair : split.train()) {
            longestSource = Math.max(longestSource, config.tokenization().tokenize(pair.source()).size());
            longestTarget = Math.max(longestTarget, config.tokenization().tokenize(pair.target()).size());
        }
        return config.withMaxLengths(Math.min(config.maxSourceLength(), Math.max(1, longestSource)),
                Math.min(config.maxTargetLength(), Math.max(1, longestTarget)));
    }

    private static double validationLoss(TrainableNetwork network, List<MultiDataSet> validation) {
        double sum = 0;
        for (int start = 0; start < validation.size(); start += VALIDATION_BATCH) {
            List<MultiDataSet> slice = validation.subList(start, Math.min(validation.size(), start + VALIDATION_BATCH));
            sum += network.loss(MultiDataSet.merge(slice)) * slice.size();
        }
        return sum / validation.size();
    }
}
