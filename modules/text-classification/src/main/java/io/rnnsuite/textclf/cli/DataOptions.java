package io.rnnsuite.textclf.cli;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.textclf.data.TextSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the labelled texts come from: a bundled corpus or the user's CSV/TSV. */
public class DataOptions {

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Bundled corpus: wordnet-topics or gloss-sentiment; ignored with --csv (default: ${DEFAULT-VALUE}).")
    public String dataset = "wordnet-topics";

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Your labelled texts: CSV (or .tsv) with a header row, UTF-8 (default: none).")
    public Path csv;

    @Option(names = "--test-csv", paramLabel = "FILE",
            description = "A separate test file in the same format as --csv; else the test part is split off (default: none).")
    public Path testCsv;

    @Option(names = "--text-column", paramLabel = "NAME", description = "Header of the text column (default: ${DEFAULT-VALUE}).")
    public String textColumn = "text";

    @Option(names = "--label-column", paramLabel = "NAME", description = "Header of the label column (default: ${DEFAULT-VALUE}).")
    public String labelColumn = "label";

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field separator of --csv: a character or 'tab'; default by extension (.tsv: tab, else comma).")
    public String delimiter;

    @Option(names = "--keep-examples",
            description = "Bundled glosses: keep the quoted usage examples after ';' (they often contain the headword) "
                    + "(default: ${DEFAULT-VALUE}).")
    public boolean keepExamples;

    public TextSource toSource() {
        Character separator = null;
        if (delimiter != null) {
            if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
                separator = '\t';
            } else if (delimiter.length() == 1) {
                separator = delimiter.charAt(0);
            } else {
                throw new UserInputException("--delimiter must be one character or 'tab', got '" + delimiter + "'");
            }
        }
        return new TextSource(csv == null ? dataset : null, csv, testCsv, textColumn, labelColumn, separator, keepExamples);
    }
}
