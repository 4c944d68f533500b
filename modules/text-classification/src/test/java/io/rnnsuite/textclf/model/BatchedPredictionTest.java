package io.rnnsuite.textclf.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.SyntheticTexts;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What evaluate, predict and the playground's classify endpoint get ({@link RecurrentTextClassifier#probabilities},
 * texts in padded batches of up to 128) equals what each text gets alone, for a trained
 * bidirectional LSTM with mean pooling (the automatic choice for one bidirectional layer), with
 * the fast layers and with DL4J's.
 */
class BatchedPredictionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(RecurrentImpl.class)
    void aBatchGivesEveryTextTheProbabilitiesItGetsAlone(RecurrentImpl impl) throws IOException {
        Path csv = SyntheticTexts.writeCsv(dir.resolve("texts.csv"), 30, 1);
        // a high learning rate: a few steps move every bias well away from zero
        TrainingConfig training = new TrainingConfig(2, 16, 0.05, 2, 1.0, 3L, 4, 0);
        TextClassificationConfig config = new TextClassificationConfig(TextSource.csv(csv, "text", "label"), 12, 1, 100, 8,
                new RecurrentSpec(CellType.LSTM, 6, 1, true, 0.0, impl), SequencePooling.MEAN, 0.2, 0.2, training, null);
        RecurrentTextClassifier classifier = TrainRun.run(new TextClassificationApp(), config, dir.resolve("model"), false, null)
                .trained().model().classifier();

        List<String> texts = List.of("fur tail paws barks wild hunts fur tail paws", "sweet", "leaf root",
                "the sweet baked dish of the kind", "a small flower", "zzz unseen words here");
        double[][] together = classifier.probabilities(texts);
        assertEquals(texts.size(), together.length);
        for (int i = 0; i < texts.size(); i++) {
            double[] alone = classifier.probabilities(List.of(texts.get(i)))[0];
            assertArrayEquals(alone, together[i], 1e-5, impl + " '" + texts.get(i) + "'");
        }
    }
}
