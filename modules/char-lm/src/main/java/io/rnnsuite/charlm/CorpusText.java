package io.rnnsuite.charlm;

import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.CharCorpusLoader;
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
 * @param text   the whole text
 * @param sha256 SHA-256 of the user file's bytes, or of a bundled corpus's loaded text as UTF-8; for run.json
 */
public record CorpusText(String source, String text, String sha256) {

    /** A corpus from the datasets registry. */
    public static CorpusText bundled(String name) {
        String text = CharCorpusLoader.load(name);
        return new CorpusText(name, text, Checksums.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Text held in memory (tests, the example). */
    public static CorpusText of(String name, String text) {
        return new CorpusText(name, text, Checksums.sha256(text.getBytes(StandardCharsets.UTF_8)));
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
        return new CorpusText(file.toAbsolutePath().normalize().toString(), text.replace("\r\n", "\n"), Checksums.sha256(bytes));
    }
}
