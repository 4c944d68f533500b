package io.rnnsuite.charlm.explain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Simple properties of a text, one value per character, each the state <em>after</em> reading
 * that character (an opening quote is inside the quotes, a closing one outside): what a unit that
 * "tracks" something would follow.
 *
 * <p>Prose: inside double quotes (reset at each line end, so one unbalanced quote cannot flip the
 * rest of the text), inside parentheses or square brackets, position in the line, inside a word
 * (letters, digits and apostrophes between letters). Source code: inside a comment ({@code //} to
 * the end of the line, {@code /* ... *}{@code /}), inside a string or character literal, brace depth,
 * parentheses, position in the line, inside a word.
 */
public final class TextProperties {

    public static final String INSIDE_QUOTES = "inside quotes";
    public static final String INSIDE_BRACKETS = "inside parentheses or brackets";
    public static final String LINE_POSITION = "position in the line";
    public static final String INSIDE_WORD = "inside a word";
    public static final String INSIDE_COMMENT = "inside a comment";
    public static final String INSIDE_STRING = "inside a string literal";
    public static final String BRACE_DEPTH = "brace depth";

    private TextProperties() {
    }

    /** The properties of {@code codePoints}, by name, in a fixed order; {@code code} adds the source-code ones. */
    public static Map<String, double[]> of(int[] codePoints, boolean code) {
        int n = codePoints.length;
        double[] quotes = new double[n];
        double[] brackets = new double[n];
        double[] column = new double[n];
        double[] word = new double[n];
        double[] comment = new double[n];
        double[] string = new double[n];
        double[] braces = new double[n];
        boolean inQuotes = false;
        int bracketDepth = 0;
        int col = 0;
        int braceDepth = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        int literal = 0; // the quote character of the open literal, 0 outside
        for (int t = 0; t < n; t++) {
            int c = codePoints[t];
            int previous = t > 0 ? codePoints[t - 1] : 0;
            int next = t + 1 < n ? codePoints[t + 1] : 0;
            boolean inCode = !lineComment && !blockComment && literal == 0;
            if (code) {
                if (lineComment) {
                    lineComment = c != '\n';
                } else if (blockComment) {
                    blockComment = !(c == '/' && previous == '*' && t >= 2 && !(codePoints[t - 2] == '/'));
                } else if (literal != 0) {
                    if (c == literal && !escaped(codePoints, t)) {
                        literal = 0;
                    } else if (c == '\n') {
                        literal = 0;
                    }
                } else if (c == '/' && next == '/') {
                    lineComment = true;
                } else if (c == '/' && next == '*') {
                    blockComment = true;
                } else if (c == '"' || c == '\'') {
                    literal = c;
                }
            } else if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (c == '\n') {
                inQuotes = false;
            }
            // in code, a bracket counts only outside comments and literals, before and after it
            boolean countBrackets = !code || inCode && literal == 0 && !lineComment && !blockComment;
            if (countBrackets) {
                if (c == '(' || c == '[') {
                    bracketDepth++;
                } else if ((c == ')' || c == ']') && bracketDepth > 0) {
                    bracketDepth--;
                } else if (c == '{') {
                    braceDepth++;
                } else if (c == '}' && braceDepth > 0) {
                    braceDepth--;
                }
            }
            quotes[t] = inQuotes ? 1 : 0;
            brackets[t] = bracketDepth > 0 ? 1 : 0;
            column[t] = col;
            col = c == '\n' ? 0 : col + 1;
            boolean letter = Character.isLetterOrDigit(c)
                    || c == '\'' && Character.isLetter(previous) && Character.isLetter(next);
            word[t] = letter ? 1 : 0;
            comment[t] = lineComment || blockComment ? 1 : 0;
            string[t] = literal != 0 ? 1 : 0;
            braces[t] = braceDepth;
        }
        Map<String, double[]> properties = new LinkedHashMap<>();
        if (code) {
            properties.put(INSIDE_COMMENT, comment);
            properties.put(INSIDE_STRING, string);
            properties.put(BRACE_DEPTH, braces);
        } else {
            properties.put(INSIDE_QUOTES, quotes);
        }
        properties.put(INSIDE_BRACKETS, brackets);
        properties.put(LINE_POSITION, column);
        properties.put(INSIDE_WORD, word);
        return properties;
    }

    /** Whether the character at {@code t} follows an odd number of backslashes. */
    private static boolean escaped(int[] codePoints, int t) {
        int slashes = 0;
        for (int k = t - 1; k >= 0 && codePoints[k] == '\\'; k--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }
}
