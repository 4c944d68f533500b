package io.rnnsuite.datasets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns the {@link DatasetKind#CHARACTER_CORPUS} resources into plain text (after the registry's
 * SHA-256 check), always the same text for the same resource.
 */
public final class CharCorpusLoader {

    /**
     * Lucene's English stop-word set (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, 33 words). A body is
     * kept when more than {@link #ENGLISH_STOP_WORD_SHARE} of its word tokens are in it; the other
     * Europarl languages share almost none of these words.
     */
    static final Set<String> ENGLISH_STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their",
            "then", "there", "these", "they", "this", "to", "was", "will", "with");
    static final double ENGLISH_STOP_WORD_SHARE = 0.25;
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private CharCorpusLoader() {
    }

    /** The text of the character corpus called {@code name} (see {@link DatasetRegistry#ofKind}). */
    public static String load(String name) {
        DatasetInfo info = DatasetRegistry.get(name, DatasetKind.CHARACTER_CORPUS);
        byte[] bytes = DatasetRegistry.readVerified(info);
        try {
            switch (info.name()) {
                case CharCorpusCatalog.EUROPARL:
                    return englishEuroparl(bytes);
                case CharCorpusCatalog.JAVA_SOURCE:
                    return javaSources(bytes);
                default:
                    throw new IllegalStateException("no loader for character corpus " + info.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + info.name(), e);
        }
    }

    /** Bodies ({@code title \t date \t body}) of the English lines, one per line. */
    static String englishEuroparl(byte[] gzipped) throws IOException {
        String all;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(1 << 21);
        for (String line : all.split("\n")) {
            String[] fields = line.split("\t", 3);
            if (fields.length == 3 && isEnglish(fields[2])) {
                text.append(fields[2].strip()).append('\n');
            }
        }
        return text.toString();
    }

    /** True when more than a quarter of the word tokens are English stop words. */
    static boolean isEnglish(String body) {
        Matcher words = WORD.matcher(body.toLowerCase(Locale.ROOT));
        int tokens = 0;
        int stop = 0;
        while (words.find()) {
            tokens++;
            if (ENGLISH_STOP_WORDS.contains(words.group())) {
                stop++;
            }
        }
        return tokens > 0 && stop > ENGLISH_STOP_WORD_SHARE * tokens;
    }

    /** Every {@code .java} entry of a sources jar, in path order, each preceded by a comment naming it. */
    static String javaSources(byte[] jar) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().endsWith(".java")) {
                    ByteArrayOutputStream content = new ByteArrayOutputStream();
                    zip.transferTo(content);
                    files.put(entry.getName(), content.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        files.forEach((path, source) -> text.append("// ").append(path).append('\n').append(source)
                .append(source.endsWith("\n") ? "" : "\n"));
        return text.toString();
    }
}
