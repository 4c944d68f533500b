package io.rnnsuite.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.datasets.TranslationCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated pairs, splits and the user's pairs file. */
class PairDataTest {

    @TempDir
    Path dir;

    @Test
    void generationIsDeterministicForASeedAndSpellsOutNumbersAndDates() {
        List<SentencePair> a = TranslationCatalog.generate(TranslationCatalog.MIXED, 200, 3);
        assertEquals(a, TranslationCatalog.generate(TranslationCatalog.MIXED, 200, 3));
        assertNotEquals(a, TranslationCatalog.generate(TranslationCatalog.MIXED, 200, 4));
        assertEquals(200, a.stream().map(SentencePair::source).distinct().count());
        List<SentencePair> numbers = TranslationCatalog.generate(TranslationCatalog.NUMBERS, 2000, 1);
        assertTrue(numbers.contains(new SentencePair("three hundred forty-two", "trois cent quarante-deux")), "342 drawn");
        List<SentencePair> dates = TranslationCatalog.generate(TranslationCatalog.DATES, 5, 1);
        assertTrue(dates.get(0).source().matches("[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, (19|20)\\d\\d"), dates.get(0).source());
        assertTrue(dates.get(0).target().matches("[a-z]+ \\d{1,2}(er)? [a-zéû]+ (19|20)\\d\\d"), dates.get(0).target());
    }

    @Test
    void splitsAreDisjointBySourceEvenWithDuplicates() {
        List<SentencePair> pairs = new java.util.ArrayList<>(TranslationCatalog.generate(TranslationCatalog.NUMBERS, 500, 2));
        pairs.add(new SentencePair(pairs.get(0).source(), "autre traduction"));
        PairSplit split = PairSplit.of(pairs, 0.1, 0.2, 5);
        assertEquals(1, split.duplicatesDropped());
        assertEquals(500, split.train().size() + split.validation().size() + split.test().size());
        Set<String> train = new HashSet<>();
        split.train().forEach(p -> train.add(p.source()));
        assertTrue(split.test().stream().noneMatch(p -> train.contains(p.source())));
        assertTrue(split.validation().stream().noneMatch(p -> train.contains(p.source())));
        assertEquals(split, PairSplit.of(pairs, 0.1, 0.2, 5));
    }

    @Test
    void reverseSwapsTheDirection() {
        SentencePair forward = PairSource.generated(TranslationCatalog.NUMBERS, 10, false).load(1).get(0);
        SentencePair reversed = PairSource.generated(TranslationCatalog.NUMBERS, 10, true).load(1).get(0);
        assertEquals(forward.reversed(), reversed);
    }

    @Test
    void readsTatoebaLinesWithAndWithoutAttribution() throws IOException {
        Path file = Files.writeString(dir.resolve("p.tsv"),
                "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272\n\nHi.\tSalut !\n");
        assertEquals(List.of(new SentencePair("Go.", "Va !"), new SentencePair("Hi.", "Salut !")), PairsFile.read(file));
    }

    @Test
    void lineWithoutTabNamesTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("p.tsv"), "Go.\tVa !\nno tab here\n");
        UserInputException e = assertThrows(UserInputException.class, () -> PairsFile.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("no tab"), e.getMessage());
    }

    @Test
    void emptyPairsFileIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.tsv"), "\n\n");
        UserInputException e = assertThrows(UserInputException.class, () -> PairsFile.read(file));
        assertTrue(e.getMessage().contains("holds no pairs"), e.getMessage());
        assertThrows(UserInputException.class, () -> PairsFile.read(dir.resolve("missing.tsv")));
    }

    @Test
    void wordTokensJoinWithSpacesCharactersWithout() {
        assertEquals(List.of("trois", "cent", "quarante-deux"), Tokenization.WORD.tokenize("Trois cent quarante-deux"));
        assertEquals("trois cent", Tokenization.WORD.join(List.of("trois", "cent")));
        assertEquals(3, Tokenization.CHARACTER.tokenize("a b").size());
        assertFalse(Tokenization.CHARACTER.join(List.of("a", " ", "b")).contains("  "));
    }
}
