package io.rnnsuite.charlm;

import io.rnnsuite.common.eval.LanguageModelMetrics;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.io.RunRecord;
import io.rnnsuite.common.io.Versions;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Train → evaluate → save for one character model: splits the corpus, builds the vocabulary and
 * the network, trains through common's {@link Trainer} (validation loss = cross-entropy in nats
 * per character on the validation part), scores validation and test, and writes the model
 * directory when one is given.
 */
public final class CharLmTrainer {

    /**
     * What a run produced.
     *
     * @param model                 the trained model (best validation epoch)
     * @param corpus                the split and encoded corpus
     * @param training              the training loop's record
     * @param evaluation            validation and test metrics
     * @param trainingCharsPerSecond characters per second through training (forward and backward)
     */
    public record Result(CharLmModel model, PreparedCorpus corpus, TrainingResult training, CharLmEvaluation evaluation,
                         double trainingCharsPerSecond) {
    }

    private final CharLmConfig config;
    private final TrainingConfig training;
    private final ProgressReporter progress;

    public CharLmTrainer(CharLmConfig config, TrainingConfig training, ProgressReporter progress) {
        this.config = config;
        this.training = training;
        this.progress = progress == null ? ProgressReporter.SILENT : progress;
    }

    /** Trains on {@code text}; {@code outputDir} may be {@code null} to keep everything in memory. */
    public Result train(CorpusText text, Path outputDir, boolean resume) {
        PreparedCorpus corpus = PreparedCorpus.prepare(text, config);
        return train(corpus, outputDir, resume);
    }

    /** Trains on an already prepared corpus (compare reuses one split for every variant). */
    public Result train(PreparedCorpus corpus, Path outputDir, boolean resume) {
        ModelDirectory dir = outputDir == null ? null : ModelDirectory.create(outputDir);
        int vocabularySize = corpus.vocabulary().size();
        MultiLayerNetwork net = CharLmNetworks.create(config, vocabularySize, training);
        CharLmModel model = new CharLmModel(net, corpus.vocabulary(), config, corpus.source());
        if (dir != null) {
            CharLmModel.writeVocabulary(dir, corpus.vocabulary());
        }
        RnnCharModel scorer = model.asNextCharModel();
        CharSequenceBatches batches = new CharSequenceBatches(corpus.train(), vocabularySize, config.sequenceLength(),
                training.batchSize());
        TrainingResult result = new Trainer(training, progress).train(TrainableNetwork.of(net), batches,
                network -> scorer.evaluate(corpus.validation()).crossEntropy(), outputDir, resume);
        CharLmEvaluation evaluation = CharLmEvaluation.of(scorer, corpus);
        double charsPerSecond = result.trainingSeconds() > 0
                ? result.sequencesSeen() * (double) config.sequenceLength() / result.trainingSeconds() : 0;
        if (dir != null) {
            model.save(dir, runRecord(corpus, net, result, evaluation, charsPerSecond));
        }
        return new Result(model, corpus, result, evaluation, charsPerSecond);
    }

    private RunRecord runRecord(PreparedCorpus corpus, MultiLayerNetwork net, TrainingResult result,
                                CharLmEvaluation evaluation, double charsPerSecond) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validation", metricMap(evaluation.validation()));
        metrics.put("test", metricMap(evaluation.test()));
        metrics.put("vocabularySize", corpus.vocabulary().size());
        metrics.put("trainingCharacters", corpus.train().length);
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("training", result.trainingSeconds());
        timings.put("evaluation", evaluation.seconds());
        timings.put("trainingCharsPerSecond", charsPerSecond);
        return new RunRecord(CharLmModel.APP, Instant.now().toString(), config, training.seed(), Versions.current(),
                corpus.source(), corpus.sha256(), net.numParams(), metrics, timings,
                new RunRecord.TrainingSummary(result.stopReason().name(), result.bestEpoch(), result.history(),
                        result.sequencesPerSecond()));
    }

    static Map<String, Double> metricMap(LanguageModelMetrics m) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("crossEntropyNats", m.crossEntropy());
        map.put("perplexity", m.perplexity());
        map.put("bitsPerCharacter", m.bitsPerSymbol());
        return map;
    }
}
