package io.rnnsuite.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into lower-cased word tokens: runs of letters and digits (an inner apostrophe or
 * hyphen keeps a word together: {@code don't}, {@code well-known}), and every other non-space
 * character as a token of its own, so punctuation is kept but split off.
 */
public final class WordTokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:['\\-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    /** Tokens of {@code text}, lower-cased (root locale), in order; empty for blank text. */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
