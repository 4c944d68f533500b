package io.rnnsuite.forecast.data;

import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.DatasetInfo;
import io.rnnsuite.datasets.DatasetRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.InputStreamInputSplit;
import org.datavec.api.writable.Writable;

/**
 * Reads a series through DataVec's {@link CSVRecordReader}: a header row, a first column of time
 * labels (month, step, date: any text), then one or more numeric columns. Every row is checked;
 * a bad cell stops the read with a message naming the file, line and column, so no row is ever
 * dropped silently.
 */
public final class SeriesCsvReader {

    private SeriesCsvReader() {
    }

    /** A bundled series from the registry (checksum verified). */
    public static Series read(DatasetInfo dataset) {
        return parse(DatasetRegistry.readVerified(dataset), dataset.name());
    }

    /** The user's CSV file. */
    public static Series read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("file " + file + " does not exist");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    /** Parses CSV bytes; {@code source} names them in messages. */
    public static Series parse(byte[] bytes, String source) {
        checkUtf8(bytes, source);
        List<List<Writable>> records = new ArrayList<>();
        try (CSVRecordReader reader = new CSVRecordReader(0, ',', '"')) {
            reader.initialize(new InputStreamInputSplit(new ByteArrayInputStream(bytes)));
            while (reader.hasNext()) {
                records.add(reader.next());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw new UserInputException(source + ": not a readable CSV file (" + e.getMessage() + ")");
        }
        if (records.isEmpty()) {
            throw new UserInputException(source + " is empty: expected a header row and numeric rows");
        }
        List<String> header = new ArrayList<>();
        for (Writable w : records.get(0)) {
            header.add(header.isEmpty() ? withoutByteOrderMark(w.toString()).trim() : w.toString().trim());
        }
        for (int i = 0; i < header.size(); i++) {
            int again = header.subList(i + 1, header.size()).indexOf(header.get(i));
            if (again >= 0 && !header.get(i).isEmpty()) {
                throw new UserInputException(source + ", line 1: the header names the column '" + header.get(i)
                        + "' twice (fields " + (i + 1) + " and " + (i + 2 + again) + "); rename one of them");
            }
        }
        if (header.size() < 2) {
            throw new UserInputException(source + ", line 1: expected a header 'time,column[,column...]', got '"
                    + String.join(",", header) + "'");
        }
        int rows = records.size() - 1;
        if (rows == 0) {
            throw new UserInputException(source + " has a header but no data rows");
        }
        int columns = header.size() - 1;
        double[][] values = new double[columns][rows];
        List<String> labels = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Writable> record = records.get(r + 1);
            int line = r + 2;
            if (record.size() != header.size()) {
                throw new UserInputException(source + ", line " + line + ": " + record.size() + " fields, expected "
                        + header.size() + " (" + String.join(",", header) + ")");
            }
            labels.add(record.get(0).toString().trim());
            for (int c = 0; c < columns; c++) {
                values[c][r] = parseCell(record.get(c + 1).toString(), source, line, header.get(c + 1));
            }
        }
        return new Series(source, Checksums.sha256(bytes), header.get(0), List.copyOf(labels),
                List.copyOf(header.subList(1, header.size())), values);
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static double parseCell(String raw, String source, int line, String column) {
        String text = raw.trim();
        String where = source + ", line " + line + ", column '" + column + "'";
        if (text.isEmpty()) {
            throw new UserInputException(where + ": empty cell, expected a number");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UserInputException(where + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new UserInputException(where + ": " + text + " is not a finite number (NaN and infinities are not allowed)");
        }
        return value;
    }

    private static void checkUtf8(byte[] bytes, String source) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new UserInputException(source + ": not UTF-8 text (is it a binary file?)");
        }
    }
}
