package io.rnnsuite.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.datasets.TranslationCatalog;
import io.rnnsuite.seq2seq.TinyModels;
import io.rnnsuite.seq2seq.TranslateApp;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.PairSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy exact match by source length in characters: fixed buckets, and they add up to the overall exact match. */
class ExactMatchByLengthTest {

    private static SentencePair pair(int sourceCharacters) {
        return new SentencePair("x".repeat(sourceCharacters), "y");
    }

    @Test
    void pairsFallInFixedCharacterBucketsAndEmptyBucketsAreLeftOut() {
        LengthBreakdown breakdown = ExactMatchByLength.of(List.of(pair(3), pair(15), pair(16), pair(60)),
                List.of(true, false, true, true));
        assertEquals(List.of(new LengthBreakdown.Bucket("≤15", 9, 2, 0.5), new LengthBreakdown.Bucket("16–25", 16, 1, 1.0),
                new LengthBreakdown.Bucket(">50", 60, 1, 1.0)), breakdown.buckets());
        assertEquals(List.of("≤15", "16–25", "26–35", "36–50", ">50"),
                List.of(0, 1, 2, 3, 4).stream().map(ExactMatchByLength::label).toList());
        assertEquals(2, ExactMatchByLength.bucket(35));
        assertEquals(3, ExactMatchByLength.bucket(36));
    }

    @Test
    void bucketsWeightedByCountsAreTheGreedyExactMatchWithOrWithoutAnEvaluationToReuse() {
        // sources up to 60 characters, so that the test numbers spread over several buckets
        TranslationConfig config = TinyModels.config(CellType.GRU, false).withMaxLengths(60, 45)
                .withData(PairSource.generated(TranslationCatalog.NUMBERS, 120, false))
                .withTraining(new TrainingConfig(1, 16, 0.01, 5, 1.0, 7L, 2, 0));
        TranslateApp app = new TranslateApp();
        TranslateApp.Data data = app.load(config);
        Translator translator = app.train(config, data, TrainContext.inMemory(null)).model();

        double exactMatch = app.evaluate(translator, data).metric("exact_match");
        LengthBreakdown reused = app.byLength(translator, data);
        assertEquals("exact_match", reused.metric());
        assertEquals(ExactMatchByLength.AXIS, reused.axis());
        assertTrue(reused.buckets().size() >= 2, "number words of 5 to 60 characters span several buckets: " + reused);
        int total = 0;
        double right = 0;
        double previousX = 0;
        for (LengthBreakdown.Bucket b : reused.buckets()) {
            assertTrue(b.x() > previousX, "buckets in increasing length: " + reused);
            assertTrue(b.count() > 0 && b.value() >= 0 && b.value() <= 1, b.toString());
            previousX = b.x();
            total += b.count();
            right += b.value() * b.count();
        }
        int scored = (int) data.split().test().stream().filter(p -> TranslationEvaluation.fits(translator, p)).count();
        assertEquals(scored, total, "every test pair the evaluation scores, once");
        assertEquals(exactMatch, right / total, 1e-9);
        // another app instance has no evaluation to reuse and decodes again: the same buckets
        assertEquals(reused, new TranslateApp().byLength(translator, data));
    }
}
