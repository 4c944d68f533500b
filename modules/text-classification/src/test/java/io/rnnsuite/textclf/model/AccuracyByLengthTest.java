package io.rnnsuite.textclf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.SyntheticTexts;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextData;
import io.rnnsuite.textclf.data.TextSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier's test accuracy by text length: fixed buckets, and the buckets add up to the overall accuracy. */
class AccuracyByLengthTest {

    @TempDir
    Path dir;

    @Test
    void bucketEdgesAreFixedAndLabelledByTheirBounds() {
        assertEquals(0, AccuracyByLength.bucket(1));
        assertEquals(0, AccuracyByLength.bucket(5));
        assertEquals(1, AccuracyByLength.bucket(6));
        assertEquals(4, AccuracyByLength.bucket(40));
        assertEquals(5, AccuracyByLength.bucket(41));
        assertEquals(List.of("1–5", "6–10", "11–15", "16–25", "26–40", ">40"),
                List.of(0, 1, 2, 3, 4, 5).stream().map(AccuracyByLength::label).toList());
    }

    @Test
    void bucketAccuraciesWeightedByCountsAreTheOverallTestAccuracy() throws IOException {
        Path csv = textsOfManyLengths(dir.resolve("texts.csv"));
        TrainingConfig training = new TrainingConfig(2, 16, 0.01, 2, 1.0, 3L, 4, 0);
        TextClassificationConfig config = new TextClassificationConfig(TextSource.csv(csv, "text", "label"), 40, 1, 100, 8,
                new RecurrentSpec(CellType.LSTM, 6, 1, false, 0.0), null, 0.2, 0.3, training, null);
        TextClassificationApp app = new TextClassificationApp();
        TextData data = app.load(config);
        ClassifierModel model = app.train(config, data, TrainContext.inMemory(null)).model();

        LengthBreakdown breakdown = app.byLength(model, data);
        assertEquals("accuracy", breakdown.metric());
        assertEquals(AccuracyByLength.AXIS, breakdown.axis());
        assertTrue(breakdown.buckets().size() >= 4, breakdown.toString());
        int total = 0;
        double right = 0;
        double previousX = 0;
        for (LengthBreakdown.Bucket b : breakdown.buckets()) {
            assertTrue(b.x() > previousX, "buckets in increasing length: " + breakdown);
            assertTrue(b.count() > 0 && b.value() >= 0 && b.value() <= 1, b.toString());
            previousX = b.x();
            total += b.count();
            right += b.value() * b.count();
        }
        assertEquals(data.split().test().size(), total);
        assertEquals(app.evaluate(model, data).metric("accuracy"), right / total, 1e-9);
    }

    /** The synthetic topic texts, but 1 to 60 words long, so that every bucket has texts. */
    private static Path textsOfManyLengths(Path file) throws IOException {
        Random random = new Random(5);
        StringBuilder sb = new StringBuilder("text,label\n");
        List<List<String>> words = List.of(List.of("fur", "tail", "paws", "the"), List.of("sweet", "baked", "dish", "a"),
                List.of("leaf", "root", "stem", "of"));
        for (int i = 0; i < 40; i++) {
            for (int c = 0; c < SyntheticTexts.LABELS.size(); c++) {
                int length = 1 + random.nextInt(60);
                StringBuilder text = new StringBuilder();
                for (int t = 0; t < length; t++) {
                    text.append(t == 0 ? "" : " ").append(words.get(c).get(random.nextInt(4)));
                }
                sb.append(text).append(',').append(SyntheticTexts.LABELS.get(c)).append('\n');
            }
        }
        return Files.writeString(file, sb.toString());
    }
}
