package io.rnnsuite.charlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSaveLoadTest {

    @TempDir
    Path dir;

    @Test
    void trainedModelSavesAndLoadsWithIdenticalProbabilities() throws Exception {
        CorpusText corpus = CorpusText.of("tiny", TinyCorpus.text(3000, 11));
        CharLmTrainer.Result result = new CharLmTrainer(TinyCorpus.config(CellType.LSTM, 1), TinyCorpus.training(2, 3), null)
                .train(corpus, dir, false);
        assertEquals(2, result.training().history().size());
        assertTrue(Files.isRegularFile(dir.resolve(ModelDirectory.MODEL_FILE)));
        assertTrue(Files.isRegularFile(dir.resolve(CharLmModel.VOCABULARY_FILE)));
        assertTrue(result.evaluation().test().bitsPerSymbol() > 0);

        CharLmModel loaded = CharLmModel.load(dir);
        assertEquals(result.model().vocabulary(), loaded.vocabulary());
        assertEquals(result.model().config(), loaded.config());
        assertEquals("tiny", loaded.source());
        int[] probe = loaded.vocabulary().encode("the cat sat on");
        double[] before = CharSampler.lastStep(result.model().network().output(OneHot.sequence(probe, loaded.vocabulary().size())));
        double[] after = CharSampler.lastStep(loaded.network().output(OneHot.sequence(probe, loaded.vocabulary().size())));
        assertArrayEquals(before, after, 0.0);
        assertEquals(result.evaluation().test().crossEntropy(),
                loaded.asNextCharModel().evaluate(result.corpus().test()).crossEntropy(), 1e-9);
    }

    @Test
    void anotherAppsDirectoryIsRefusedInOneLine() throws Exception {
        Files.writeString(dir.resolve(ModelDirectory.RUN_FILE), "{\"app\":\"timeseries-forecast\"}");
        Files.writeString(dir.resolve(ModelDirectory.MODEL_FILE), "x");
        UserInputException e = assertThrows(UserInputException.class, () -> CharLmModel.load(dir));
        assertTrue(e.getMessage().contains("'timeseries-forecast', not by 'char-lm'"), e.getMessage());
    }
}
