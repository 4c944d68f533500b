package io.rnnsuite.charlm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.fuzz.HostileInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Generated hostile text files: the char-LM app loads each or refuses it with one user error. */
class CorpusTextPropertyTest {

    private static final String TEXT = TinyCorpus.text(2500, 3);

    @AfterContainer
    static void figures() {
        HostileInput.write("charlm-text");
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        return HostileInput.around("abc .,\n\r\té", TEXT, "x", "");
    }

    @Property
    void everyInputLoadsOrIsOneUserError(@ForAll("hostile") byte[] input) throws IOException {
        Path file = Files.createTempFile("corpus", ".txt");
        try {
            CharLmConfig config = new CharLmConfig(CharLmConfig.DEFAULT_CORPUS, file.toString(),
                    new RecurrentSpec(CellType.LSTM, 8, 1, false, 0.0), 20, 10, 1, 0.1, 0.1, TinyCorpus.training(1, 1));
            HostileInput.checkFile("charlm-text", file, input, f -> new CharLmApp().load(config));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<byte[]> valid() {
        return HostileInput.validVariants(TEXT);
    }

    @Property(tries = 8)
    void aByteOrderMarkAndCrlfLoadAsTheSameText(@ForAll("valid") byte[] input) throws IOException {
        Path file = Files.write(Files.createTempFile("valid", ".txt"), input);
        try {
            CorpusText text = HostileInput.mustLoad("charlm-text", input, b -> CorpusText.file(file));
            assertEquals(TEXT, text.text());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
