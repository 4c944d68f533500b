package io.rnnsuite.textclf.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's CSV: what must work, and every bad input as a one-line error naming file, line and column. */
class CsvTextReaderTest {

    @TempDir
    Path dir;

    private final CsvTextReader reader = new CsvTextReader("text", "label", null);

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private UserInputException fails(Path file) {
        UserInputException e = assertThrows(UserInputException.class, () -> reader.read(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksWork() throws IOException {
        Path csv = file("ok.csv", "id,label,text\n1,pos,\"good, very \"\"good\"\"\nindeed\"\n2,neg,bad\n");
        List<LabelledExample> rows = reader.read(csv);
        assertEquals(2, rows.size());
        assertEquals("good, very \"good\"\nindeed", rows.get(0).text());
        assertEquals(csv + ":2", rows.get(0).where());
        assertEquals(csv + ":4", rows.get(1).where(), "line numbers count the line break inside the quoted field");
    }

    @Test
    void aColumnNamedTwiceIsRefusedNamingIt() throws IOException {
        Path csv = file("twice.csv", "text,label,label\nhello,a,b\n");
        assertEquals(csv + " line 1: the header names the column 'label' twice (fields 2 and 3); rename one of them",
                fails(csv).getMessage());
        Path tsv = file("twice.tsv", "id\ttext\tlabel\tid\n1\thello\ta\t2\n");
        assertTrue(fails(tsv).getMessage().contains("the column 'id' twice"), "any column, not only the ones read");
        assertEquals(1, reader.read(file("trailing.csv", "text,label,\nhello,a,\n")).size(), "a trailing delimiter is fine");
    }

    @Test
    void tsvIsChosenByExtension() throws IOException {
        List<LabelledExample> rows = reader.read(file("ok.tsv", "text\tlabel\nhello, world\tgreeting\n"));
        assertEquals("hello, world", rows.get(0).text());
    }

    @Test
    void missingTextColumnIsNamed() throws IOException {
        UserInputException e = fails(file("a.csv", "body,label\nx,y\n"));
        assertTrue(e.getMessage().contains("no column 'text'") && e.getMessage().contains("'body'"), e.getMessage());
    }

    @Test
    void missingLabelColumnIsNamed() throws IOException {
        UserInputException e = fails(file("a.csv", "text,category\nx,y\n"));
        assertTrue(e.getMessage().contains("no column 'label'"), e.getMessage());
    }

    @Test
    void emptyTextNamesLineAndColumn() throws IOException {
        UserInputException e = fails(file("a.csv", "text,label\nfine,a\n  ,b\n"));
        assertTrue(e.getMessage().contains("line 3, column 'text': empty"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, "text,label\nok,a\ncaf\u00e9,b\n".getBytes(StandardCharsets.ISO_8859_1));
        UserInputException e = fails(csv);
        assertTrue(e.getMessage().contains("line 3: invalid UTF-8") && e.getMessage().contains("0xE9"), e.getMessage());
    }

    @Test
    void emptyFileIsReported() throws IOException {
        assertTrue(fails(file("empty.csv", "")).getMessage().contains("is empty"));
        assertTrue(fails(file("header.csv", "text,label\n")).getMessage().contains("no rows"));
    }

    @Test
    void labelOnlyInTheTestFileIsReported() throws IOException {
        Path train = file("train.csv", "text,label\na b,x\nc d,y\ne f,x\ng h,y\ni j,x\nk l,y\n");
        Path test = file("test.csv", "text,label\na c,x\nb d,z\n");
        TextSource source = new TextSource(null, train, test, "text", "label", null, false);
        UserInputException e = assertThrows(UserInputException.class, () -> source.split(0.2, 0, 1));
        assertTrue(e.getMessage().startsWith(test + ":3: label 'z' does not occur in the training data"), e.getMessage());
    }

    @Test
    void longTextsAreTruncatedAndCounted() {
        TextEncoder encoder = new TextEncoder(new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNK, "a")), 4);
        assertEquals(4, encoder.encode("a a a a a a", "t").length);
        assertEquals(2, encoder.encode("a a", "t").length);
        assertEquals(1, encoder.truncatedCount());
        UserInputException e = assertThrows(UserInputException.class, () -> encoder.encode("   ", "x.csv:7"));
        assertTrue(e.getMessage().startsWith("x.csv:7: the text is empty"));
    }

    @Test
    void stratifiedSplitKeepsClassProportionsAndRepeats() {
        List<LabelledExample> all = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(new LabelledExample("t" + i, i < 80 ? "big" : "small", "#" + i));
        }
        DataSplit a = DataSplit.stratified(all, 0.1, 0.2, 7);
        DataSplit b = DataSplit.stratified(all, 0.1, 0.2, 7);
        assertEquals(a, b);
        assertEquals(List.of(56L, 8L, 16L), a.counts().get("big"));
        assertEquals(List.of(14L, 2L, 4L), a.counts().get("small"));
    }
}
