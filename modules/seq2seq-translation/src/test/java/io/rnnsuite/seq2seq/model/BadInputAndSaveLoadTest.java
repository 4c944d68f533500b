package io.rnnsuite.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.seq2seq.TinyModels;
import io.rnnsuite.seq2seq.TranslateApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save → load gives the same translations; every bad sentence is a one-line user error. */
class BadInputAndSaveLoadTest {

    private static final List<String> SENTENCES = List.of("forty-two", "two thousand six", "seven");

    @Test
    void saveThenLoadTranslatesIdentically(@TempDir Path dir) throws IOException {
        for (boolean attention : new boolean[]{false, true}) {
            Translator trained = TinyModels.trained(CellType.LSTM, attention).translator();
            Path modelDir = dir.resolve("m" + attention);
            ModelDirectory written = ModelDirectory.create(modelDir);
            trained.saveWithNetwork(written);
            // the run's configuration, with the lengths as configured: the model's fitted ones come from its side file
            written.writeConfig(TinyModels.config(CellType.LSTM, attention));
            java.nio.file.Files.writeString(modelDir.resolve("run.json"), "{\"app\": \"" + TranslateApp.ID + "\"}");
            Translator loaded = AppModels.open(new TranslateApp(), modelDir).model();
            assertEquals(trained.config(), loaded.config());
            assertEquals(trained.translate(SENTENCES, 1), loaded.translate(SENTENCES, 1));
            assertEquals(trained.translate(SENTENCES, 3), loaded.translate(SENTENCES, 3));
        }
    }

    @Test
    void anotherAppsDirectoryIsRefused(@TempDir Path dir) throws IOException {
        java.nio.file.Files.writeString(dir.resolve("model.zip"), "x");
        java.nio.file.Files.writeString(dir.resolve("run.json"), "{\"app\": \"timeseries-forecast\"}");
        UserInputException e = assertThrows(UserInputException.class, () -> AppModels.open(new TranslateApp(), dir));
        assertTrue(e.getMessage().contains("timeseries-forecast"), e.getMessage());
    }

    @Test
    void unknownCharactersAreNamed() {
        Translator translator = TinyModels.trained(CellType.LSTM, false).translator();
        UserInputException e = assertThrows(UserInputException.class, () -> translator.translate(List.of("forty-two §µ"), 1));
        assertTrue(e.getMessage().contains("'§'") && e.getMessage().contains("'µ'"), e.getMessage());
        assertTrue(e.getMessage().contains("not in the model's source vocabulary"), e.getMessage());
    }

    @Test
    void emptyAndOverlongSentencesAreRefused() {
        Translator translator = TinyModels.trained(CellType.LSTM, false).translator();
        assertTrue(assertThrows(UserInputException.class, () -> translator.translate(List.of("   "), 1))
                .getMessage().contains("empty sentence"));
        String tooLong = "seven ".repeat(40).strip();
        UserInputException e = assertThrows(UserInputException.class, () -> translator.translate(List.of(tooLong), 1));
        assertTrue(e.getMessage().contains("longer than the model's maximum of " + translator.config().maxSourceLength()),
                e.getMessage());
    }
}
