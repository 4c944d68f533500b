package io.rnnsuite.textclf.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.fuzz.HostileInput;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Generated hostile CSV and TSV files of labelled texts: the app loads each or refuses it with one user error. */
class TextCsvPropertyTest {

    private static final String CSV = texts(',', false);
    private static final String QUOTED = texts(',', true);
    private static final String TSV = texts('\t', false);

    private static String texts(char delimiter, boolean quoted) {
        String[] good = {"a good day", "fine work", "great, nice food", "happy \"cheerful\" people"};
        String[] bad = {"a bad day", "poor work", "awful, grim food", "sad people"};
        StringBuilder sb = new StringBuilder("id" + delimiter + "text" + delimiter + "label\n");
        for (int i = 0; i < 40; i++) {
            String text = (i % 2 == 0 ? good : bad)[i % 4] + " " + i;
            String field = quoted || text.indexOf(delimiter) >= 0 || text.contains("\"")
                    ? "\"" + text.replace("\"", "\"\"") + (quoted && i % 5 == 0 ? "\nsecond line" : "") + "\"" : text;
            if (delimiter == '\t') {
                field = text.replace("\"", "");
            }
            sb.append(i).append(delimiter).append(field).append(delimiter).append(i % 2 == 0 ? "pos" : "neg").append('\n');
        }
        return sb.toString();
    }

    @AfterContainer
    static void figures() {
        HostileInput.write("text-csv");
        HostileInput.write("text-tsv");
    }

    @Provide
    Arbitrary<byte[]> hostileCsv() {
        return HostileInput.around("idtextlabel,\"\n\r abc", CSV, QUOTED);
    }

    @Provide
    Arbitrary<byte[]> hostileTsv() {
        return HostileInput.around("idtextlabel\t\"\n\r abc", TSV);
    }

    private static void check(String name, String suffix, byte[] input) throws IOException {
        Path file = Files.createTempFile("texts", suffix);
        try {
            TextClassificationConfig config = TextClassificationConfig.defaults(TextSource.csv(file, "text", "label"));
            HostileInput.checkFile(name, file, input, f -> new TextClassificationApp().load(config));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property
    void everyCsvLoadsOrIsOneUserError(@ForAll("hostileCsv") byte[] input) throws IOException {
        check("text-csv", ".csv", input);
    }

    @Property
    void everyTsvLoadsOrIsOneUserError(@ForAll("hostileTsv") byte[] input) throws IOException {
        check("text-tsv", ".tsv", input);
    }

    @Provide
    Arbitrary<byte[]> valid() {
        return HostileInput.validVariants(CSV, QUOTED);
    }

    @Property(tries = 12)
    void aByteOrderMarkCrlfAndQuotedFieldsLoad(@ForAll("valid") byte[] input) throws IOException {
        Path file = Files.write(Files.createTempFile("valid", ".csv"), input);
        try {
            List<LabelledExample> rows = HostileInput.mustLoad("text-csv", input,
                    b -> new CsvTextReader("text", "label", null).read(file));
            assertEquals(40, rows.size());
            assertEquals("neg", rows.get(1).label());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
