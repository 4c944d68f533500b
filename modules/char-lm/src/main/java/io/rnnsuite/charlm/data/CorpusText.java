package io.rnnsuite.charlm.data;

import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.CharCorpusLoader;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The running text a model learns from, with where it came from.
 *
 * @param source a bundled corpus name ({@code europarl-en}) or the user's file path
 * @param kind   {@code bundled}, {@code file} or {@code generated} (text made in memory)
 * @param text   the whole text
 * @param sha256 SHA-256 of the bytes it was read from: the bundled resource (checked against the
 *               datasets registry), the user's file, or the UTF-8 of text made in memory
 */
public record CorpusText(String source, String kind, String text, String sha256) {

    public static final String BUNDLED = "bundled";
    public static final String FILE = "file";
    public static final String GENERATED = "generated";

    /** A corpus from the datasets registry. */
    public static CorpusText bundled(String name) {
        String text = CharCorpusLoader.load(name); // an unknown name is a user error naming the choices
        String sha256 = DatasetRegistry.get(name, DatasetKind.CHARACTER_CORPUS).sha256();
        return new CorpusText(name, BUNDLED, text, sha256 != null ? sha256 : Checksums.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Text held in memory (tests). */
    public static CorpusText of(String name, String text) {
        return new CorpusText(name, GENERATED, text, Checksums.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The user's file when {@code textFile} is set, else the bundled corpus. */
    public static CorpusText load(String corpus, String textFile) {
        return textFile != null ? file(Path.of(textFile)) : bundled(corpus);
    }

    /**
     * The user's UTF-8 text file.
     *
     * @throws UserInputException if it is missing, unreadable, not UTF-8, or binary
     */
    public static CorpusText file(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("--text " + file + ": no such file");
        } catch (IOException e) {
            throw new UserInputException("--text " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException("--text " + file + " is not UTF-8 text (binary data or another encoding)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long controls = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (controls > 0 && controls * 100 > text.length()) {
            throw new UserInputException("--text " + file + " looks binary: " + controls
                    + " control characters (such as NUL) among " + text.length() + "; expected plain UTF-8 text");
        }
        // the absolute path goes to run.json, so evaluate finds the file from any working directory
        return new CorpusText(file.toAbsolutePath().normalize().toString(), FILE, text.replace("\r\n", "\n"), Checksums.sha256(bytes));
    }
}
