package io.rnnsuite.charlm.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.CharVocabulary;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ShardedBatchSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import io.rnnsuite.common.io.FileRanges;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The training part of a text file as minibatches that a cluster's workers can read themselves:
 * in one process these are the {@link CharSequenceBatches} of the training part; {@link #shards}
 * cuts that part into contiguous ranges of code points, each with its byte range in the file, so
 * that a worker reads only its bytes, decodes them as the driver did ({@link CorpusText#file}:
 * UTF-8, CRLF as LF), encodes them with the driver's vocabulary and cuts its own sequences.
 */
public final class CharTextShards implements ShardedBatchSource {

    private final Path file;
    private final int trainCodePoints;
    private final CharVocabulary vocabulary;
    private final int sequenceLength;
    private final int batchSize;
    private final CharSequenceBatches local;

    /**
     * @param file            the text file, as {@link CorpusText#file} read it
     * @param train           the training part as indices (its first {@code train.length} code points)
     * @param vocabulary      the training part's vocabulary
     */
    public CharTextShards(Path file, int[] train, CharVocabulary vocabulary, int sequenceLength, int batchSize) {
        this.file = file.toAbsolutePath().normalize();
        this.trainCodePoints = train.length;
        this.vocabulary = vocabulary;
        this.sequenceLength = sequenceLength;
        this.batchSize = batchSize;
        this.local = new CharSequenceBatches(train, vocabulary.size(), sequenceLength, batchSize);
    }

    @Override
    public Iterator<MultiDataSet> epoch(Random random) {
        return local.epoch(random);
    }

    @Override
    public int batchesPerEpoch() {
        return local.batchesPerEpoch();
    }

    @Override
    public List<CharTextShard> shards(int parts) {
        int n = Math.max(1, Math.min(parts, trainCodePoints / (sequenceLength + 1)));
        long[] codePointStarts = new long[n + 1];
        for (int p = 0; p <= n; p++) {
            codePointStarts[p] = (long) trainCodePoints * p / n;
        }
        long[] byteStarts = byteOffsets(codePointStarts);
        int[] known = vocabulary.codePoints().stream().mapToInt(Integer::intValue).toArray(); // one array, shared by every shard
        List<CharTextShard> shards = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            shards.add(new CharTextShard(file.toString(), p, n, byteStarts[p], byteStarts[p + 1],
                    (int) (codePointStarts[p + 1] - codePointStarts[p]), known, sequenceLength, batchSize));
        }
        return shards;
    }

    /**
     * The byte offset in the file of each code point index of the text as {@link CorpusText#file}
     * gives it (after a byte-order mark, with CRLF counted as the one LF it becomes); an index
     * between CR and LF is placed before the CR.
     */
    private long[] byteOffsets(long[] codePoints) {
        long[] offsets = new long[codePoints.length];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long position = 0;
            long seen = 0; // code points of the decoded text before this position
            int next = 0;
            in.mark(3);
            if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
                position = 3;
            } else {
                in.reset();
            }
            int lead = in.read();
            while (next < codePoints.length) {
                if (seen == codePoints[next]) {
                    offsets[next++] = position;
                    continue;
                }
                if (lead < 0) {
                    throw new UserInputException("--text " + file + " has " + seen + " characters now, fewer than the "
                            + trainCodePoints + " of its training part when it was read (did it change?)");
                }
                int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                in.skipNBytes(length - 1);
                position += length;
                int following = in.read();
                if (!(lead == '\r' && following == '\n')) {
                    seen++; // a CR before an LF is dropped, the LF counts
                }
                lead = following;
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("--text " + file + ": no such file");
        } catch (IOException e) {
            throw new UserInputException("--text " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        return offsets;
    }

    /**
     * One worker's range of the training text.
     *
     * @param file           the text file's absolute path (the same on every machine)
     * @param part           which range (0-based)
     * @param parts          how many ranges the text was cut into
     * @param byteStart      first byte of the range
     * @param byteEnd        the byte after it
     * @param codePoints     code points the range decodes to
     * @param vocabulary     the driver's vocabulary (known code points in index order; 0 is UNK)
     * @param sequenceLength characters per training sequence
     * @param batchSize      sequences per minibatch
     */
    public record CharTextShard(String file, int part, int parts, long byteStart, long byteEnd, int codePoints,
                                int[] vocabulary, int sequenceLength, int batchSize) implements Shard {

        private static final long serialVersionUID = 1L;

        @Override
        public String where() {
            return String.format(Locale.ROOT, "--text %s bytes %d-%d (part %d of %d)", file, byteStart, byteEnd,
                    part + 1, parts);
        }

        @Override
        public int batchesPerEpoch() {
            int sequences = Math.max(1, (codePoints - 1) / sequenceLength);
            return Math.max(1, sequences / batchSize);
        }

        @Override
        public int examplesIn(int index) {
            return batchSize;
        }

        @Override
        public BatchSource read() {
            ByteBuffer bytes = FileRanges.read(Path.of(file), byteStart, byteEnd, where());
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString().replace("\r\n", "\n");
            } catch (CharacterCodingException e) {
                throw new UserInputException(where() + ": not UTF-8 text here (did the file change since the driver read it?)");
            }
            int[] encoded = new CharVocabulary(java.util.Arrays.stream(vocabulary).boxed().toList()).encode(text);
            if (encoded.length != codePoints) {
                throw new UserInputException(where() + ": " + encoded.length + " characters where the driver counted "
                        + codePoints + " (did the file change since it was read?)");
            }
            return new CharSequenceBatches(encoded, vocabulary.length + 1, sequenceLength, batchSize);
        }
    }
}
