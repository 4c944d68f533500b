package io.rnnsuite.seq2seq.cli;

import io.rnnsuite.datasets.TranslationCatalog;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.PairSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the sentence pairs come from: a generated dataset or the user's tab-separated file. */
public class DataOptions {

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Generated pairs: numbers-en-fr, dates-en-fr or mixed-en-fr (default: ${DEFAULT-VALUE}).")
    public String dataset = TranslationCatalog.NUMBERS;

    @Option(names = "--pairs", paramLabel = "FILE",
            description = "Your own pairs instead: UTF-8 lines 'source<TAB>target[<TAB>attribution]' (Tatoeba/Anki export).")
    public Path pairsFile;

    @Option(names = "--pairs-count", paramLabel = "N", description = "Pairs to generate for --dataset (default: ${DEFAULT-VALUE}).")
    public int pairsCount = TranslationConfig.DEFAULT_PAIRS;

    @Option(names = "--reverse", description = "Translate the other way (French → English) (default: ${DEFAULT-VALUE}).")
    public boolean reverse;

    public PairSource toSource() {
        return pairsFile != null ? PairSource.file(pairsFile, reverse) : PairSource.generated(dataset, pairsCount, reverse);
    }
}
