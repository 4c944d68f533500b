package io.rnnsuite.textclf.data;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the user's labelled texts from a CSV or TSV file with a header row (Apache Commons CSV:
 * quoted fields may hold delimiters, quotes and line breaks). The file must be UTF-8. Every
 * problem is reported as a {@link UserInputException} naming the file, the line and the column.
 *
 * @param textColumn  header name of the text column
 * @param labelColumn header name of the label column
 * @param delimiter   field separator; {@code null} chooses tab for {@code .tsv}/{@code .tab} files, else comma
 */
public record CsvTextReader(String textColumn, String labelColumn, Character delimiter) {

    /** Reads every row of {@code file} in order. */
    public List<LabelledExample> read(Path file) {
        String content = decodeUtf8(file, readBytes(file));
        if (content.isBlank()) {
            throw new UserInputException(file + " is empty (expected a header row naming the columns '"
                    + textColumn + "' and '" + labelColumn + "', then one row per text)");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter != null ? delimiter : defaultDelimiter(file))
                .setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true) // "text,label," with a trailing delimiter is still a valid header
                .setIgnoreEmptyLines(true)
                .build();
        List<LabelledExample> out = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(content))) {
            List<String> header = parser.getHeaderNames();
            refuseRepeatedNames(file, header);
            int textIndex = column(file, header, textColumn, "--text-column");
            int labelIndex = column(file, header, labelColumn, "--label-column");
            LineCounter lines = new LineCounter(content);
            for (CSVRecord record : parser) {
                long line = lines.lineAt(record.getCharacterPosition());
                String text = field(file, line, record, textIndex, textColumn);
                String label = field(file, line, record, labelIndex, labelColumn).strip();
                out.add(new LabelledExample(text, label, file + ":" + line));
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new UserInputException(file + ": malformed CSV (" + oneLine(e.getMessage()) + ")");
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + " line 1: the header row cannot be read (" + oneLine(e.getMessage()) + ")");
        }
        if (out.isEmpty()) {
            throw new UserInputException(file + " has a header but no rows of text");
        }
        return out;
    }

    static char defaultDelimiter(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',';
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Strict UTF-8 decoding (a leading byte-order mark is dropped); a bad byte is reported by line. */
    static String decodeUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            long line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new UserInputException(String.format(Locale.ROOT,
                    "%s line %d: invalid UTF-8 (byte 0x%02X at byte offset %d); save the file as UTF-8",
                    file, line, bytes[offset] & 0xFF, offset));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A header naming a column twice would leave which of the two is read undefined. */
    static void refuseRepeatedNames(Path file, List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            for (int j = i + 1; j < header.size() && !name.isEmpty(); j++) {
                if (header.get(j).strip().equals(name)) {
                    throw new UserInputException(file + " line 1: the header names the column '" + name
                            + "' twice (fields " + (i + 1) + " and " + (j + 1) + "); rename one of them");
                }
            }
        }
    }

    static int column(Path file, List<String> header, String name, String flag) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new UserInputException(file + " line 1: no column '" + name + "' (" + flag + "); the header has "
                + String.join(", ", header.stream().map(h -> "'" + h + "'").toList()));
    }

    private static String field(Path file, long line, CSVRecord record, int index, String name) {
        if (index >= record.size()) {
            throw new UserInputException(file + " line " + line + ", column '" + name + "': missing (the row has "
                    + record.size() + " fields)");
        }
        String value = record.get(index);
        if (value.isBlank()) {
            throw new UserInputException(file + " line " + line + ", column '" + name + "': empty");
        }
        return value;
    }

    /** Line numbers of increasing character positions, counted incrementally. */
    private static final class LineCounter {
        private final String content;
        private int scanned;
        private long line = 1;

        LineCounter(String content) {
            this.content = content;
        }

        long lineAt(long charPosition) {
            int end = (int) Math.min(charPosition, content.length());
            for (; scanned < end; scanned++) {
                if (content.charAt(scanned) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replace('\n', ' ').strip();
    }
}
