package io.rnnsuite.seq2seq;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.TranslationCatalog;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.data.PairSplit;
import io.rnnsuite.seq2seq.model.Seq2SeqTrainer;
import java.nio.file.Path;

/** Small, fast configurations and trained models for tests. */
public final class TinyModels {

    private TinyModels() {
    }

    /** A few hundred numbers, a small network, a couple of epochs: seconds, not minutes. */
    public static TranslationConfig config(CellType cell, boolean attention) {
        TranslationConfig defaults = TranslationConfig.defaults();
        TrainingConfig training = new TrainingConfig(2, 32, 0.01, 5, 1.0, 7L, 4, 0);
        // sentences of at most 24 characters keep every decoding test short
        return defaults.withEncoder(new RecurrentSpec(cell, 16, 1, false, 0.0), attention).withTraining(training)
                .withMaxLengths(24, 24).withData(numbers());
    }

    public static PairSource numbers() {
        return PairSource.generated(TranslationCatalog.NUMBERS, 300, false);
    }

    private static final java.util.Map<String, Seq2SeqTrainer.Trained> CACHE = new java.util.HashMap<>();

    /** A trained tiny model, trained once per JVM for each cell / attention choice (tests only read it). */
    public static synchronized Seq2SeqTrainer.Trained trained(CellType cell, boolean attention) {
        return CACHE.computeIfAbsent(cell + "/" + attention, k -> train(config(cell, attention), null));
    }

    public static Seq2SeqTrainer.Trained train(TranslationConfig config, Path outputDir) {
        PairSplit split = PairSplit.of(config.data().load(config.training().seed()), config.validationFraction(),
                config.testFraction(), config.training().seed());
        return Seq2SeqTrainer.train(config, split, outputDir, false, null);
    }
}
