package io.rnnsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CharCorpusLoaderTest {

    @Test
    void europarlKeepsOnlyTheEnglishBodies() {
        String text = CharCorpusLoader.load("europarl-en");
        long lines = text.chars().filter(c -> c == '\n').count();
        assertEquals(1271, lines, "English lines");
        assertTrue(text.length() > 1_200_000 && text.length() < 1_350_000, "length " + text.length());
        assertFalse(text.contains("\t"), "title and date columns must be dropped");
        assertTrue(text.contains(" the European "));
        assertEquals(text, CharCorpusLoader.load("europarl-en"), "loading is deterministic");
    }

    @Test
    void stopWordShareSeparatesLanguages() {
        assertTrue(CharCorpusLoader.isEnglish("This is one of the reports that we have to vote on."));
        assertFalse(CharCorpusLoader.isEnglish("Das ist einer der Berichte, über die wir abstimmen müssen."));
        assertFalse(CharCorpusLoader.isEnglish("12 345"));
    }

    @Test
    void javaSourceConcatenatesEveryFileInPathOrder() {
        String text = CharCorpusLoader.load("java-source");
        assertTrue(text.startsWith("// org/apache/commons/lang3/"), text.substring(0, 80));
        assertTrue(text.contains("public class StringUtils"));
        assertTrue(text.indexOf("// org/apache/commons/lang3/AnnotationUtils.java")
                < text.indexOf("// org/apache/commons/lang3/StringUtils.java"));
        assertFalse(text.contains("\r"));
    }
}
