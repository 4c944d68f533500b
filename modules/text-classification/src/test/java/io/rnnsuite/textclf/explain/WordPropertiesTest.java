package io.rnnsuite.textclf.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.textclf.SyntheticTexts;
import io.rnnsuite.textclf.data.CsvTextReader;
import io.rnnsuite.textclf.data.LabelledExample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each word property is the state after reading the word; class words come from the training texts. */
class WordPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void negationParenthesesPositionAndClassWords() {
        List<String> words = new WordTokenizer().tokenize("a fine (not bad) film, isn't it dull zzz");
        Vocabulary vocabulary = new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNK, "a", "fine", "not", "bad", "film", "dull"));
        ClassWords classWords = new ClassWords(Map.of("positive", List.of("fine", "film")));

        Map<String, double[]> p = WordProperties.of(words, vocabulary, classWords);

        assertEquals(List.of("a", "fine", "(", "not", "bad", ")", "film", ",", "isn't", "it", "dull", "zzz"), words);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1}, p.get(WordProperties.AFTER_NEGATION), 0);
        assertArrayEquals(new double[] {0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, p.get(WordProperties.INSIDE_PARENTHESES), 0);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 0, 1}, p.get(WordProperties.UNKNOWN_WORD), 0);
        assertEquals(11, p.get(WordProperties.POSITION)[11]);
        assertEquals(11, p.get(WordProperties.TO_THE_END)[0]);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, p.get(WordProperties.classWord("positive")), 0);
        assertArrayEquals(new double[] {0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2}, p.get(WordProperties.classWordsSoFar("positive")), 0);
    }

    @Test
    void eachClassIsKnownByItsOwnTopicWords() throws Exception {
        Path csv = SyntheticTexts.writeCsv(dir.resolve("t.csv"), 60, 4);
        List<LabelledExample> train = new CsvTextReader("text", "label", null).read(csv);
        WordTokenizer tokenizer = new WordTokenizer();
        Vocabulary vocabulary = Vocabulary.build(train.stream().map(e -> tokenizer.tokenize(e.text())).toList(), 1, 0);

        ClassWords words = ClassWords.of(train, SyntheticTexts.LABELS, vocabulary);

        assertEquals(Set.of("fur", "tail", "paws", "barks", "wild", "hunts"), Set.copyOf(words.byClass().get("animal").subList(0, 6)));
        assertEquals(Set.of("leaf", "root", "flower", "seeds", "grows", "stem"), Set.copyOf(words.byClass().get("plant").subList(0, 6)));
    }
}
