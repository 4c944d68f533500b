package io.rnnsuite.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.fuzz.HostileInput;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TranslateApp;
import io.rnnsuite.seq2seq.TranslationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Generated hostile tab-separated pairs files: the translation app loads each or refuses it with one user error. */
class PairsFilePropertyTest {

    private static final String PAIRS = pairs();

    private static String pairs() {
        String[] en = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        String[] fr = {"un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(en[i % 10]).append(' ').append(en[(i / 10) % 10]).append('\t').append(fr[i % 10]).append(' ')
                    .append(fr[(i / 10) % 10]).append(i % 3 == 0 ? "\tCC-BY attribution" : "").append('\n');
        }
        return sb.toString();
    }

    @AfterContainer
    static void figures() {
        HostileInput.write("pairs-tsv");
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        return HostileInput.around("one two\tun deux\n\r", PAIRS);
    }

    @Property
    void everyInputLoadsOrIsOneUserError(@ForAll("hostile") byte[] input) throws IOException {
        Path file = Files.createTempFile("pairs", ".tsv");
        try {
            TranslationConfig config = TranslationConfig.defaults().withData(PairSource.file(file, false));
            HostileInput.checkFile("pairs-tsv", file, input, f -> new TranslateApp().load(config));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<byte[]> valid() {
        return HostileInput.validVariants(PAIRS);
    }

    @Property(tries = 8)
    void aByteOrderMarkAndCrlfLoad(@ForAll("valid") byte[] input) throws IOException {
        Path file = Files.write(Files.createTempFile("valid", ".tsv"), input);
        try {
            List<SentencePair> pairs = HostileInput.mustLoad("pairs-tsv", input, b -> PairsFile.read(file));
            assertEquals(40, pairs.size());
            assertEquals("one one", pairs.get(0).source());
            assertEquals("un un", pairs.get(0).target());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
