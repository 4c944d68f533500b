package io.rnnsuite.textclf.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.TrainRun;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.SyntheticTexts;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.data.TextSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save → load gives identical probabilities, and the vocabulary and labels travel with the model. */
class SaveLoadTest {

    @TempDir
    Path dir;

    static TextClassificationConfig tinyConfig(TextSource source, RecurrentSpec spec, SequencePooling pooling) {
        TrainingConfig training = new TrainingConfig(2, 16, 0.01, 2, 1.0, 3L, 4, 0);
        return new TextClassificationConfig(source, 6, 1, 100, 8, spec, pooling, 0.2, 0.2, training, null);
    }

    @Test
    void savedModelPredictsExactlyAsTheTrainedOne() throws IOException {
        Path csv = SyntheticTexts.writeCsv(dir.resolve("texts.csv"), 30, 1);
        Path modelDir = dir.resolve("model");
        TextClassificationConfig config = tinyConfig(TextSource.csv(csv, "text", "label"),
                new RecurrentSpec(CellType.LSTM, 6, 1, true, 0.0), SequencePooling.MEAN);
        TextClassificationApp app = new TextClassificationApp();
        TrainRun.Outcome<TextClassificationConfig, ClassifierModel> result = TrainRun.run(app, config, modelDir, false, null);
        assertTrue(Files.isRegularFile(modelDir.resolve(ModelDirectory.RUN_FILE)));
        assertTrue(Files.isRegularFile(modelDir.resolve(TextClassificationApp.CONFUSION_PNG)));

        RecurrentTextClassifier trained = result.trained().model().classifier();
        RecurrentTextClassifier loaded = AppModels.open(app, modelDir).model().classifier();
        assertEquals(trained.vocabulary().tokens(), loaded.vocabulary().tokens());
        assertEquals(SyntheticTexts.LABELS, loaded.labels());
        assertEquals(config, loaded.config());
        List<String> texts = List.of("fur tail paws", "the sweet baked dish of the kind", "zzz unseen words",
                "leaf root flower seeds grows stem leaf root flower", "a");
        double[][] before = trained.probabilities(texts);
        double[][] after = loaded.probabilities(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(before[i], after[i], 1e-6, texts.get(i));
        }
        assertEquals(2, loaded.truncatedCount(), "the 7- and 9-word texts are cut to 6 tokens");
    }

    @Test
    void anotherAppsModelDirectoryIsRefusedInOneLine() throws IOException {
        Path other = Files.createDirectories(dir.resolve("forecast-model"));
        Files.writeString(other.resolve(ModelDirectory.MODEL_FILE), "not a model");
        Files.writeString(other.resolve(ModelDirectory.RUN_FILE), "{\"app\": \"timeseries-forecast\"}");
        UserInputException e = assertThrows(UserInputException.class,
                () -> AppModels.open(new TextClassificationApp(), other));
        assertTrue(e.getMessage().contains("made by 'timeseries-forecast', not by 'text-classification'"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
