package io.rnnsuite.charlm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.CharVocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    @TempDir
    Path dir;

    private static String message(Runnable action) {
        return assertThrows(UserInputException.class, action::run).getMessage();
    }

    @Test
    void emptyAndTinyCorporaAreTooShortForOneSequence() throws Exception {
        CharLmConfig config = TinyCorpus.config(CellType.LSTM, 1);
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        String m = message(() -> PreparedCorpus.prepare(CorpusText.file(empty), config));
        assertTrue(m.contains("has 0 characters") && m.contains("--sequence-length 20"), m);
        m = message(() -> PreparedCorpus.prepare(CorpusText.of("tiny", "hello world"), config));
        assertTrue(m.contains("has 11 characters"), m);
    }

    @Test
    void binaryAndNonUtf8FilesAreRefused() throws Exception {
        Path binary = Files.write(dir.resolve("model.bin"), new byte[] {0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 65, 66});
        String m = message(() -> CorpusText.file(binary));
        assertTrue(m.contains("model.bin") && m.contains("binary"), m);
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'x'});
        m = message(() -> CorpusText.file(latin1));
        assertTrue(m.contains("not UTF-8"), m);
        m = message(() -> CorpusText.file(dir.resolve("missing.txt")));
        assertTrue(m.contains("no such file"), m);
    }

    @Test
    void tbpttLongerThanTheSequenceIsRefused() {
        String m = message(() -> new CharLmConfig("europarl-en", null, new RecurrentSpec(CellType.LSTM, 16, 1, false, 0),
                20, 30, 1, 0.1, 0.1, TinyCorpus.training(1, 1)));
        assertTrue(m.contains("--tbptt 30") && m.contains("--sequence-length 20"), m);
    }

    @Test
    void unknownCorpusNamesTheChoices() {
        String m = message(() -> CorpusText.bundled("europarl"));
        assertTrue(m.contains("europarl-en") && m.contains("java-source"), m);
    }

    @Test
    void aFileIsNamedByItsBytesAndTheSplitKeepsTheHeldOutText() throws Exception {
        Path file = TinyCorpus.file(dir, 2000, 3);
        CorpusText text = CorpusText.file(file);
        assertEquals(CorpusText.FILE, text.kind());
        assertEquals(Checksums.sha256(Files.readAllBytes(file)), text.sha256());
        PreparedCorpus corpus = PreparedCorpus.prepare(text, TinyCorpus.config(CellType.LSTM, 1));
        assertEquals(text.text().length() / 10, corpus.test().length);
        assertTrue(corpus.heldOutWith(corpus.vocabulary())[1] == corpus.test(), "its own vocabulary: the same arrays");
        CharVocabulary other = CharVocabulary.build("the cat", 1);
        assertEquals(other.decode(other.encode(corpus.testText())), other.decode(corpus.heldOutWith(other)[1]));
    }
}
