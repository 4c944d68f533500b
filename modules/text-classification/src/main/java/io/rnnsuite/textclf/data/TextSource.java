package io.rnnsuite.textclf.data;

import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import io.rnnsuite.datasets.LabelledText;
import io.rnnsuite.datasets.TextCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where labelled texts come from: a bundled corpus by name, or the user's CSV/TSV file (and,
 * optionally, a separate test file).
 *
 * @param dataset           bundled corpus name ({@code wordnet-topics}, {@code gloss-sentiment}), or
 *                          {@code null} when {@code csv} is given
 * @param csv               the user's labelled file, or {@code null}
 * @param testCsv           a separate test file in the same format, or {@code null} (then the test
 *                          part is split off {@code csv} / the corpus)
 * @param textColumn        header of the text column in the user's files
 * @param labelColumn       header of the label column in the user's files
 * @param delimiter         field separator of the user's files; {@code null} = by extension
 * @param keepUsageExamples bundled glosses: keep the quoted usage examples after the definition
 */
public record TextSource(String dataset, Path csv, Path testCsv, String textColumn, String labelColumn,
                         Character delimiter, boolean keepUsageExamples) {

    public TextSource {
        if ((dataset == null) == (csv == null)) {
            throw new UserInputException("give either --dataset NAME or --csv FILE (not both, not neither)");
        }
        if (testCsv != null && csv == null) {
            throw new UserInputException("--test-csv needs --csv (the bundled corpora are split automatically)");
        }
    }

    public static TextSource bundled(String dataset, boolean keepUsageExamples) {
        return new TextSource(dataset, null, null, "text", "label", null, keepUsageExamples);
    }

    public static TextSource csv(Path csv, String textColumn, String labelColumn) {
        return new TextSource(null, csv, null, textColumn, labelColumn, null, false);
    }

    /** A name for run.json and reports. */
    public String describe() {
        return dataset != null ? dataset : csv.toString();
    }

    /** {@code bundled} or {@code file}, as run records name a data source. */
    public String origin() {
        return dataset != null ? "bundled" : "file";
    }

    /**
     * SHA-256 of the data's bytes: the bundled resource's (checked on every load), the user's
     * file's, or, with a separate test file, of the two files' digests and names one per line.
     */
    public String sha256() {
        if (dataset != null) {
            return DatasetRegistry.get(dataset, DatasetKind.TEXT_CLASSIFICATION).sha256();
        }
        if (testCsv == null) {
            return fileSha256(csv);
        }
        String canonical = fileSha256(csv) + "  " + csv.getFileName() + "\n" + fileSha256(testCsv) + "  "
                + testCsv.getFileName() + "\n";
        return Checksums.sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of a user's file's bytes. */
    public static String fileSha256(Path file) {
        try {
            return Checksums.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The labelled texts of the main source (the corpus, or {@code csv}). */
    public List<LabelledExample> load() {
        if (csv != null) {
            return reader().read(csv);
        }
        List<LabelledText> texts = TextCatalog.load(dataset, keepUsageExamples);
        List<LabelledExample> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new LabelledExample(texts.get(i).text(), texts.get(i).label(), dataset + "#" + (i + 1)));
        }
        return out;
    }

    /** Train / validation / test, stratified and seeded; a {@code testCsv} replaces the test part. */
    public DataSplit split(double validationFraction, double testFraction, long seed) {
        List<LabelledExample> all = load();
        if (testCsv == null) {
            return DataSplit.stratified(all, validationFraction, testFraction, seed);
        }
        return DataSplit.withSeparateTest(all, validationFraction, reader().read(testCsv), seed);
    }

    private CsvTextReader reader() {
        return new CsvTextReader(textColumn, labelColumn, delimiter);
    }
}
