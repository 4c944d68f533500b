package io.rnnsuite.charlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharLmComparisonTest {

    @Test
    void threeVariantsAndThreeBaselinesInOneReport(@TempDir Path dir) throws Exception {
        TrainingConfig training = TinyCorpus.training(2, 2).withTimeBudget(Duration.ofSeconds(30));
        CharLmComparison.Outcome outcome = new CharLmComparison(TinyCorpus.config(CellType.LSTM, 1), training,
                label -> ProgressReporter.SILENT).run(CorpusText.of("tiny", TinyCorpus.text(4000, 2)), "the ", dir);
        assertEquals(3, outcome.variants().size());
        assertEquals(3, outcome.baselines().size());
        assertEquals(6, outcome.table().rows().size());
        String report = Files.readString(outcome.report());
        for (String label : new String[] {"simple_rnn", "lstm", "2x_lstm", "5-gram Witten-Bell", "temperature 0.5"}) {
            assertTrue(report.contains(label), label);
        }
        assertTrue(Files.size(dir.resolve(CharLmComparison.CURVE_FILE)) > 1000, "learning-curve PNG");
    }
}
