package io.rnnsuite.charlm.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each property is the state after reading the character. */
class TextPropertiesTest {

    private static double[] bits(String marks) {
        return marks.chars().mapToDouble(c -> c == '1' ? 1 : 0).toArray();
    }

    @Test
    void proseQuotesBracketsWordsAndColumns() {
        String text = "a \"b (c)\" d\"e\nf";
        Map<String, double[]> p = TextProperties.of(text.codePoints().toArray(), false);
        assertArrayEquals(bits("001111110001100"), p.get(TextProperties.INSIDE_QUOTES), 0, "reset at the line end");
        assertArrayEquals(bits("000001100000000"), p.get(TextProperties.INSIDE_BRACKETS), 0);
        assertArrayEquals(bits("100100100010101"), p.get(TextProperties.INSIDE_WORD), 0);
        assertEquals(13, p.get(TextProperties.LINE_POSITION)[13]);
        assertEquals(0, p.get(TextProperties.LINE_POSITION)[14]);
    }

    @Test
    void codeCommentsStringsAndBraces() {
        String text = "f(\"a)\\\"\"){/*x*/}//y\nz";
        Map<String, double[]> p = TextProperties.of(text.codePoints().toArray(), true);
        assertArrayEquals(bits("001111100000000000000"), p.get(TextProperties.INSIDE_STRING), 0, "the ) and the escaped quote stay inside");
        assertArrayEquals(bits("000000000011110011100"), p.get(TextProperties.INSIDE_COMMENT), 0);
        assertArrayEquals(bits("011111110000000000000"), p.get(TextProperties.INSIDE_BRACKETS), 0);
        assertEquals(1, p.get(TextProperties.BRACE_DEPTH)[10]);
        assertEquals(0, p.get(TextProperties.BRACE_DEPTH)[15]);
    }
}
