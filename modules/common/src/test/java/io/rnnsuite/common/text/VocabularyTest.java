package io.rnnsuite.common.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    private final WordTokenizer tokenizer = new WordTokenizer();

    @Test
    void tokenizerLowerCasesAndSplitsPunctuation() {
        assertEquals(List.of("a", "well-known", "dog", "(", "canis", ")", "don't", "bark", "!", "42"),
                tokenizer.tokenize("A well-known Dog (Canis) don't bark! 42"));
        assertEquals(List.of(), tokenizer.tokenize("  \n"));
    }

    @Test
    void keepsFrequentTokensInAStableOrder(@TempDir Path dir) throws IOException {
        Vocabulary v = Vocabulary.build(List.of(List.of("b", "a", "c"), List.of("a", "b", "d"), List.of("a")), 2, 0);
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.UNK, "a", "b"), v.tokens());
        assertArrayEquals(new int[] {2, 3, Vocabulary.UNK_INDEX}, v.encode(List.of("a", "b", "zebra")));
        Vocabulary capped = Vocabulary.build(List.of(List.of("b", "a", "a")), 1, 3);
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.UNK, "a"), capped.tokens());
        Vocabulary withMarkers = Vocabulary.build(List.of(List.of("x")), 1, 0, Vocabulary.BOS, Vocabulary.EOS);
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.BOS, Vocabulary.EOS, "x"), withMarkers.tokens());
        Path file = dir.resolve("vocabulary.json");
        v.save(file);
        assertEquals(v.tokens(), Vocabulary.load(file).tokens());
    }
}
