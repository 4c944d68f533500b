package io.rnnsuite.common.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EmbeddingMatrixTest {

    @Test
    void matrixRowsFollowTheVocabularyWithZeroPadAndCountedMisses() {
        Vocabulary vocabulary = Vocabulary.build(List.of(List.of("dog", "dog", "cat", "emu")), 1, 0);
        float[] dog = {1f, 2f};
        float[] cat = {-3f, 0.5f};
        Function<String, float[]> lookup = w -> switch (w) {
            case "dog" -> dog;
            case "cat" -> cat;
            default -> null;
        };
        EmbeddingMatrix m = EmbeddingMatrix.build(vocabulary, 2, lookup, 7);
        assertEquals(vocabulary.size(), m.weights().rows());
        assertEquals(2, m.found());
        assertEquals(1, m.missing());
        assertArrayEquals(new float[] {0f, 0f}, m.weights().getRow(Vocabulary.PAD_INDEX).toFloatVector());
        assertArrayEquals(dog, m.weights().getRow(vocabulary.indexOf("dog")).toFloatVector());
        assertArrayEquals(cat, m.weights().getRow(vocabulary.indexOf("cat")).toFloatVector());
        float[] emu = m.weights().getRow(vocabulary.indexOf("emu")).toFloatVector();
        assertTrue(emu[0] != 0f || emu[1] != 0f, "a missing word starts random, not zero");
        assertArrayEquals(emu, EmbeddingMatrix.build(vocabulary, 2, lookup, 7)
                .weights().getRow(vocabulary.indexOf("emu")).toFloatVector(), "seeded");
    }
}
