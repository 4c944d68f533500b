package io.rnnsuite.textclf.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ShardedBatchSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import io.rnnsuite.common.io.FileRanges;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The training rows of the user's CSV/TSV file as minibatches that a cluster's workers can read
 * themselves: in one process, the shuffled minibatches of the training examples; {@link #shards}
 * cuts the file's rows into contiguous ranges holding nearly equal numbers of training rows, each
 * with its byte range, the positions of its training rows in training order, and the driver's
 * vocabulary and labels, so that a worker reads only its bytes and builds the same examples.
 */
public final class CsvRowShards implements ShardedBatchSource {

    private final TextSource source;
    private final List<LabelledExample> train;
    private final List<String> labels;
    private final Vocabulary vocabulary;
    private final int maxLength;
    private final int batchSize;
    private final BatchSource local;

    /**
     * @param source     where the rows come from (its {@code csv})
     * @param train      the training examples, in the order the local minibatches shuffle them from
     * @param labels     the class names, a label's index its position
     * @param vocabulary the training split's vocabulary
     * @param local      the same examples' minibatches, built in this process
     */
    public CsvRowShards(TextSource source, List<LabelledExample> train, List<String> labels, Vocabulary vocabulary,
                        int maxLength, int batchSize, BatchSource local) {
        if (source.csv() == null) {
            throw new IllegalArgumentException("rows of a bundled corpus are not in a file");
        }
        this.source = source;
        this.train = train;
        this.labels = labels;
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        this.batchSize = batchSize;
        this.local = local;
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
    public List<CsvRowShard> shards(int parts) {
        Path file = source.csv();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String content = CsvTextReader.decodeUtf8(file, bytes);
        char delimiter = source.delimiter() != null ? source.delimiter() : CsvTextReader.defaultDelimiter(file);
        List<Long> recordBytes = new ArrayList<>();
        Map<Long, Integer> recordOfLine = new HashMap<>();
        int textIndex;
        int labelIndex;
        try (CSVParser parser = format(delimiter).builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).build().parse(new StringReader(content))) {
            List<String> header = parser.getHeaderNames();
            textIndex = CsvTextReader.column(file, header, source.textColumn(), "--text-column");
            labelIndex = CsvTextReader.column(file, header, source.labelColumn(), "--label-column");
            int scanned = 0;
            long line = 1;
            long byteOffset = bom;
            for (CSVRecord record : parser) {
                int at = (int) Math.min(record.getCharacterPosition(), content.length());
                byteOffset += utf8Length(content, scanned, at);
                for (int i = scanned; i < at; i++) {
                    if (content.charAt(i) == '\n') {
                        line++;
                    }
                }
                scanned = at;
                recordOfLine.put(line, recordBytes.size());
                recordBytes.add(byteOffset);
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new UserInputException(file + ": malformed CSV (" + e.getMessage() + ")");
        }
        recordBytes.add((long) bytes.length);
        int[] recordOf = new int[train.size()];
        for (int j = 0; j < train.size(); j++) {
            String where = train.get(j).where();
            Integer record = recordOfLine.get(Long.parseLong(where.substring(where.lastIndexOf(':') + 1)));
            if (record == null) {
                throw new IllegalStateException("no row of " + file + " starts where " + where + " does");
            }
            recordOf[j] = record;
        }
        int n = Math.max(1, Math.min(parts, train.size()));
        int[] sorted = recordOf.clone();
        Arrays.sort(sorted);
        int[] firstRecord = new int[n + 1];
        for (int p = 1; p < n; p++) {
            firstRecord[p] = sorted[(int) ((long) p * sorted.length / n)];
        }
        firstRecord[n] = recordBytes.size() - 1;
        List<List<Integer>> orders = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            orders.add(new ArrayList<>());
        }
        for (int record : recordOf) {
            int p = Arrays.binarySearch(firstRecord, 0, n, record);
            p = p >= 0 ? p : -p - 2;
            orders.get(p).add(record - firstRecord[p]);
        }
        String[] labelArray = labels.toArray(String[]::new); // shared by every shard: sent once
        String[] tokens = vocabulary.tokens().toArray(String[]::new);
        List<CsvRowShard> shards = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            shards.add(new CsvRowShard(file.toAbsolutePath().normalize().toString(), p, n, recordBytes.get(firstRecord[p]),
                    recordBytes.get(firstRecord[p + 1]), firstRecord[p], firstRecord[p + 1] - firstRecord[p], delimiter,
                    textIndex, labelIndex, orders.get(p).stream().mapToInt(Integer::intValue).toArray(), labelArray, tokens,
                    maxLength, batchSize));
        }
        return shards;
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).build();
    }

    /** UTF-8 bytes of {@code text[from, to)}. */
    private static long utf8Length(String text, int from, int to) {
        long length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /**
     * One worker's rows.
     *
     * @param file        the file's absolute path (the same on every machine)
     * @param part        which range (0-based)
     * @param parts       how many ranges the rows were cut into
     * @param byteStart   first byte of the range's first row
     * @param byteEnd     the byte after its last row
     * @param firstRow    the range's first row (0 = the row after the header)
     * @param rows        rows in the range
     * @param delimiter   the field separator
     * @param textIndex   the text column's position
     * @param labelIndex  the label column's position
     * @param order       the range's training rows (relative to {@code firstRow}) in training order
     * @param labels      the class names
     * @param vocabulary  the driver's vocabulary, in index order
     * @param maxLength   tokens kept per text
     * @param batchSize   texts per minibatch
     */
    public record CsvRowShard(String file, int part, int parts, long byteStart, long byteEnd, int firstRow, int rows,
                              char delimiter, int textIndex, int labelIndex, int[] order, String[] labels,
                              String[] vocabulary, int maxLength, int batchSize) implements Shard {

        private static final long serialVersionUID = 1L;

        @Override
        public String where() {
            return String.format(Locale.ROOT, "--csv %s rows %d-%d, bytes %d-%d (part %d of %d)", file, firstRow + 1,
                    firstRow + rows, byteStart, byteEnd, part + 1, parts);
        }

        @Override
        public int batchesPerEpoch() {
            return (order.length + batchSize - 1) / batchSize;
        }

        @Override
        public int examplesIn(int index) {
            return Math.min(batchSize, order.length - index * batchSize);
        }

        @Override
        public BatchSource read() {
            ByteBuffer buffer = FileRanges.read(Path.of(file), byteStart, byteEnd, where());
            String content;
            try {
                content = CsvTextReader.decodeUtf8(Path.of(file), buffer.array());
            } catch (UserInputException e) {
                throw new UserInputException(where() + ": not UTF-8 here (did the file change since the driver read it?)");
            }
            String[] texts = new String[rows];
            String[] rowLabels = new String[rows];
            int row = 0;
            try (CSVParser parser = format(delimiter).parse(new StringReader(content))) {
                for (CSVRecord record : parser) {
                    if (row < rows && Math.max(textIndex, labelIndex) < record.size()) {
                        texts[row] = record.get(textIndex);
                        rowLabels[row] = record.get(labelIndex).strip();
                    }
                    row++;
                }
            } catch (IOException | IllegalStateException | UncheckedIOException e) {
                throw new UserInputException(where() + ": malformed CSV (" + e.getMessage() + ")");
            }
            if (row != rows) {
                throw new UserInputException(where() + ": " + row + " rows where the driver counted " + rows
                        + " (did the file change since it was read?)");
            }
            Map<String, Integer> labelIndexOf = new HashMap<>();
            for (int i = 0; i < labels.length; i++) {
                labelIndexOf.put(labels[i], i);
            }
            List<LabelledExample> examples = new ArrayList<>(order.length);
            int[] labelIndices = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                int r = order[i];
                Integer label = rowLabels[r] == null ? null : labelIndexOf.get(rowLabels[r]);
                if (label == null || texts[r].isBlank()) {
                    throw new UserInputException(where() + ": row " + (firstRow + r + 1) + " is not the training row the "
                            + "driver read there (did the file change since it was read?)");
                }
                examples.add(new LabelledExample(texts[r], rowLabels[r], file + " row " + (firstRow + r + 1)));
                labelIndices[i] = label;
            }
            TextEncoder encoder = new TextEncoder(new Vocabulary(List.of(vocabulary)), maxLength);
            return BatchSource.shuffled(encoder.examples(examples, labelIndices, labels.length), batchSize);
        }
    }
}
