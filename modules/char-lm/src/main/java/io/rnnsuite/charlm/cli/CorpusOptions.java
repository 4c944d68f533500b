package io.rnnsuite.charlm.cli;

import io.rnnsuite.charlm.CorpusText;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which text to learn from: a bundled corpus, or the user's own UTF-8 file. */
public class CorpusOptions {

    @Option(names = "--corpus", paramLabel = "NAME",
            description = "Bundled corpus: europarl-en or java-source (default: ${DEFAULT-VALUE}).")
    public String corpus = "europarl-en";

    @Option(names = "--text", paramLabel = "FILE",
            description = "Your own UTF-8 text file instead of --corpus (default: none).")
    public Path text;

    public CorpusText load() {
        return text != null ? CorpusText.file(text) : CorpusText.bundled(corpus);
    }
}
