package io.rnnsuite.common.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsGloveLinesKeepingOnlyWantedWords() throws IOException {
        Path file = write("glove.txt", "the 0.1 0.2 0.3\nDog -1 2.5e-1 3\ncat 4 5 6\n");
        WordVectorsFile.WordVectors vectors = WordVectorsFile.read(file, w -> !w.equals("cat"));
        assertEquals(3, vectors.dimension());
        assertEquals(3, vectors.wordsRead());
        assertArrayEquals(new float[] {-1f, 0.25f, 3f}, vectors.get("dog"), "lower-cased like the tokenizer");
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, vectors.get("the"));
        assertNull(vectors.get("cat"));
    }

    @Test
    void acceptsAWord2VecHeaderAndTabs() throws IOException {
        Path file = write("w2v.txt", "2 2\nthe\t1 2\nend 3 4 \n");
        WordVectorsFile.WordVectors vectors = WordVectorsFile.read(file, w -> true);
        assertEquals(2, vectors.dimension());
        assertArrayEquals(new float[] {3f, 4f}, vectors.get("end"));
    }

    @Test
    void dimensionMismatchNamesFileAndLine() throws IOException {
        Path file = write("bad.txt", "the 1 2 3\nof 1 2\n");
        UserInputException e = assertThrows(UserInputException.class, () -> WordVectorsFile.read(file, w -> true));
        assertTrue(e.getMessage().contains("bad.txt line 2: expected 3 values after the word, found 2"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void nonNumericValueNamesFileAndLine() throws IOException {
        Path file = write("nan.txt", "the 1 2\nof 1 x2\n");
        UserInputException e = assertThrows(UserInputException.class, () -> WordVectorsFile.read(file, w -> false));
        assertTrue(e.getMessage().contains("nan.txt line 2: value 2 'x2' is not a number"), e.getMessage());
    }

    @Test
    void emptyMissingAndBinaryFilesAreOneLineErrors() throws IOException {
        Path empty = write("empty.txt", "\n");
        assertTrue(assertThrows(UserInputException.class, () -> WordVectorsFile.read(empty, w -> true))
                .getMessage().contains("holds no word vectors"));
        assertThrows(UserInputException.class, () -> WordVectorsFile.read(dir.resolve("none.txt"), w -> true));
        Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {'a', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertTrue(assertThrows(UserInputException.class, () -> WordVectorsFile.read(binary, w -> true))
                .getMessage().contains("not UTF-8"));
    }
}
