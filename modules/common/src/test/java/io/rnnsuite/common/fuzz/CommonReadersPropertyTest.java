package io.rnnsuite.common.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.app.AppCommands;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.toy.ToyApp;
import io.rnnsuite.common.cli.CliErrors;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.text.WordVectorsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import picocli.CommandLine;

/** Generated hostile word-vector files and model directories: each loads or is one user error. */
class CommonReadersPropertyTest {

    private static final String VECTORS = "the 0.1 0.2 -0.3\ncat 1e-3 2.5 3\nDog -1 0 1\n";
    private static final String WORD2VEC = "3 2\nthe 0.5 0.25\ncat 1 2\nsat -3.5 4\n";

    private static Path scratch;
    private static Path model;
    private static byte[] runJson;
    private static byte[] configJson;
    private static byte[] modelZip;

    @BeforeContainer
    static void trainOneToyModel() throws IOException {
        scratch = Files.createTempDirectory("rnn-suite-fuzz");
        model = scratch.resolve("model");
        CommandLine line = CliErrors.install(AppCommands.of(new ToyApp()));
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        assertEquals(0, line.execute("train", "--output-dir", model.toString(), "--epochs", "1"), err.toString());
        runJson = Files.readAllBytes(model.resolve(ModelDirectory.RUN_FILE));
        configJson = Files.readAllBytes(model.resolve(ModelDirectory.CONFIG_FILE));
        modelZip = Files.readAllBytes(model.resolve(ModelDirectory.MODEL_FILE));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        HostileInput.write("word-vectors");
        HostileInput.write("model-directory");
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<byte[]> vectorFiles() {
        return HostileInput.around("abc 0123456789.-+eE\t\n\r", VECTORS, WORD2VEC);
    }

    @Property
    void wordVectorFilesLoadOrAreOneUserError(@ForAll("vectorFiles") byte[] input) {
        HostileInput.checkFile("word-vectors", scratch.resolve("vectors.txt"), input, file -> WordVectorsFile.read(file, w -> true));
    }

    @Property(tries = 20)
    void validVectorFilesLoadWithAByteOrderMarkOrCrlf(@ForAll("validVectors") byte[] input) throws IOException {
        Path file = Files.write(scratch.resolve("valid-vectors.txt"), input);
        WordVectorsFile.WordVectors vectors = HostileInput.mustLoad("word-vectors", input, b -> WordVectorsFile.read(file, w -> true));
        assertEquals(vectors.dimension() == 3 ? 0.1f : 0.5f, vectors.get("the")[0]);
    }

    @Provide
    Arbitrary<byte[]> validVectors() {
        return HostileInput.validVariants(VECTORS, WORD2VEC);
    }

    @Provide
    Arbitrary<Integer> damagedFile() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<byte[]> damage() {
        return Arbitraries.oneOf(HostileInput.around("{}[]\":,0123456789.-truefalsn ", new String(runJson,
                java.nio.charset.StandardCharsets.UTF_8), new String(configJson, java.nio.charset.StandardCharsets.UTF_8)),
                HostileInput.aroundBytes("PK\u0003\u0004", modelZip));
    }

    @Property
    void damagedModelDirectoriesLoadOrAreOneUserError(@ForAll("damagedFile") int which, @ForAll("damage") byte[] content)
            throws IOException {
        Path dir = Files.createTempDirectory(scratch, "damaged");
        for (String name : new String[] {ModelDirectory.RUN_FILE, ModelDirectory.CONFIG_FILE, ModelDirectory.MODEL_FILE}) {
            Files.copy(model.resolve(name), dir.resolve(name));
        }
        String target = new String[] {ModelDirectory.RUN_FILE, ModelDirectory.CONFIG_FILE, ModelDirectory.MODEL_FILE}[which];
        HostileInput.checkFile("model-directory", dir.resolve(target), content, d -> AppModels.open(new ToyApp(), dir));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
