package io.rnnsuite.textclf.embedding;

import io.rnnsuite.common.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the embedding layer is initialised, from {@code --embeddings} and {@code --freeze-embeddings}.
 *
 * @param kind   learned from scratch (default), Word2Vec on the training texts, or a vectors file
 * @param file   the vectors file for {@link Kind#FILE}, else {@code null}
 * @param frozen keep the initial vectors (true) or fine-tune them with the rest (false, default)
 */
public record EmbeddingSource(Kind kind, String file, boolean frozen) {

    /** The three starting points. */
    public enum Kind { LEARNED, WORD2VEC, FILE }

    public EmbeddingSource {
        if (kind == null || (kind == Kind.FILE) != (file != null)) {
            throw new IllegalArgumentException("a file is given exactly for kind FILE");
        }
        if (kind == Kind.LEARNED && frozen) {
            throw new UserInputException("--freeze-embeddings needs --embeddings word2vec or a vectors file: "
                    + "frozen random vectors would learn nothing");
        }
    }

    /** The default: learned from scratch, trained with the network. */
    public static EmbeddingSource learned() {
        return new EmbeddingSource(Kind.LEARNED, null, false);
    }

    /**
     * Parses the {@code --embeddings} value: {@code learned}, {@code word2vec}, or a path to an
     * existing vectors file.
     */
    public static EmbeddingSource parse(String value, boolean frozen) {
        String v = value.strip();
        if (v.equalsIgnoreCase("learned")) {
            return new EmbeddingSource(Kind.LEARNED, null, frozen);
        }
        if (v.equalsIgnoreCase("word2vec")) {
            return new EmbeddingSource(Kind.WORD2VEC, null, frozen);
        }
        if (!Files.isRegularFile(Path.of(v))) {
            throw new UserInputException("--embeddings must be learned, word2vec or an existing vectors file; '"
                    + v + "' is none of these");
        }
        return new EmbeddingSource(Kind.FILE, v, frozen);
    }

    /** Short form for model names and reports: {@code learned}, {@code word2vec} or the file name. */
    public String label() {
        String base = kind == Kind.FILE ? Path.of(file).getFileName().toString()
                : kind.name().toLowerCase(java.util.Locale.ROOT);
        return frozen ? base + " (frozen)" : base;
    }
}
