package io.rnnsuite.common.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The checkpoint is one unit: whatever a kill or a damaged disk leaves of it, {@code --resume}
 * continues from the last complete pair (network and loop state of the same epoch) or says one line,
 * and never pairs a network with another epoch's loop state.
 */
class CheckpointTest {

    private static final TrainingConfig CONFIG = new TrainingConfig(4, 16, 0.01, 50, 1.0, 5, 0, 0);

    @TempDir
    Path tmp;

    private final List<MultiDataSet> train = sums(64, 1);
    private final List<MultiDataSet> validation = sums(16, 2);
    private Path twoEpochs;
    private Path threeEpochs;

    private static MultiLayerNetwork network() {
        return SumTask.network(5, 0.01, 4);
    }

    private static List<MultiDataSet> sums(int count, long seed) {
        return SumTask.sums(count, 5, seed);
    }

    private TrainingResult train(MultiLayerNetwork net, int epochs, Path dir, boolean resume) {
        MultiDataSet all = MultiDataSet.merge(validation);
        return new Trainer(CONFIG.withMaxEpochs(epochs), ProgressReporter.SILENT)
                .train(TrainableNetwork.of(net), BatchSource.shuffled(train, 16), n -> n.loss(all), dir, resume);
    }

    /** Two model directories of the same run: its checkpoint after epoch 2, and after epoch 3. */
    @BeforeEach
    void trainTwoAndThreeEpochs() {
        twoEpochs = tmp.resolve("two");
        threeEpochs = tmp.resolve("three");
        train(network(), 2, twoEpochs, false);
        train(network(), 3, threeEpochs, false);
    }

    private static Path checkpointFile(Path outputDir, String name) {
        return Checkpoint.directory(outputDir).resolve(name);
    }

    /** The parameters and loop state {@code --resume} would start from. */
    private static TrainerState restore(Path outputDir, MultiLayerNetwork into) {
        return Checkpoint.restore(TrainableNetwork.of(into), outputDir);
    }

    private static INDArray paramsAfter(Path outputDir) {
        MultiLayerNetwork net = network();
        restore(outputDir, net);
        return net.params().dup();
    }

    @Test
    void aCommittedCheckpointIsTheManifestAndOnePairAndRestoresExactly() throws IOException {
        try (Stream<Path> files = Files.list(Checkpoint.directory(threeEpochs))) {
            assertEquals(List.of("epoch-3.json", "epoch-3.zip", Checkpoint.MANIFEST),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "the earlier epochs' pairs are removed");
        }
        MultiLayerNetwork net = network();
        TrainerState state = restore(threeEpochs, net);
        assertEquals(3, state.completedEpochs());
        assertEquals(3, state.history().size());
        assertNotEquals(paramsAfter(twoEpochs), net.params());
    }

    @Test
    void aKillBetweenTheNewFilesAndTheManifestResumesFromThePreviousCompleteEpoch() throws IOException {
        INDArray epochTwo = paramsAfter(twoEpochs);
        // killed after epoch 3's network was written: its state and the new manifest never were
        Files.copy(checkpointFile(threeEpochs, "epoch-3.zip"), checkpointFile(twoEpochs, "epoch-3.zip"));
        MultiLayerNetwork net = network();
        assertEquals(2, restore(twoEpochs, net).completedEpochs());
        assertEquals(epochTwo, net.params(), "epoch 2's network with epoch 2's state, not epoch 3's network");

        // killed after both of epoch 3's files, before the manifest
        Files.copy(checkpointFile(threeEpochs, "epoch-3.json"), checkpointFile(twoEpochs, "epoch-3.json"));
        net = network();
        assertEquals(2, restore(twoEpochs, net).completedEpochs());
        assertEquals(epochTwo, net.params());

        // and the resumed run trains epoch 3 once, then goes on
        TrainingResult resumed = train(network(), 4, twoEpochs, true);
        assertEquals(List.of(1, 2, 3, 4), resumed.history().stream().map(EpochStats::epoch).toList());
    }

    @Test
    void eachFileMissingOrTruncatedAndTheManifestMissingIsOneLineAndRestoresNothing() throws IOException {
        expectOneLine("the network missing", dir -> delete(checkpointFile(dir, "epoch-2.zip")), "epoch-2.zip is missing");
        expectOneLine("the state missing", dir -> delete(checkpointFile(dir, "epoch-2.json")), "epoch-2.json is missing");
        expectOneLine("the network truncated", dir -> truncate(checkpointFile(dir, "epoch-2.zip")), "(truncated)");
        expectOneLine("the state truncated", dir -> truncate(checkpointFile(dir, "epoch-2.json")), "(truncated)");
        expectOneLine("the manifest missing", dir -> delete(checkpointFile(dir, Checkpoint.MANIFEST)), "holds no complete checkpoint");
        expectOneLine("the manifest truncated", dir -> truncate(checkpointFile(dir, Checkpoint.MANIFEST)), "is not a checkpoint manifest");
        expectOneLine("the manifest garbled", dir -> write(checkpointFile(dir, Checkpoint.MANIFEST), "{\"epoch\": \"x\", ]"),
                "is not a checkpoint manifest");
        expectOneLine("another epoch's state under this name", dir -> copy(checkpointFile(threeEpochs, "epoch-3.json"),
                checkpointFile(dir, "epoch-2.json")), "epoch-2.json has ");
        expectOneLine("a file of the same size altered", dir -> flipLastByte(checkpointFile(dir, "epoch-2.zip")), "SHA-256 differs");
        expectOneLine("a manifest naming a file outside the checkpoint", dir -> write(checkpointFile(dir, Checkpoint.MANIFEST),
                "{\"epoch\": 2, \"network\": {\"file\": \"../model.zip\", \"bytes\": 1, \"sha256\": \"00\"},"
                        + " \"state\": {\"file\": \"epoch-2.json\", \"bytes\": 1, \"sha256\": \"00\"}}"), "names no valid file");
        expectOneLine("no checkpoint directory", dir -> deleteTree(Checkpoint.directory(dir)), "holds no checkpoint");
    }

    private void expectOneLine(String what, Consumer<Path> damage, String expected) throws IOException {
        Path dir = tmp.resolve(what.replace(' ', '-').replace("'", ""));
        copyTree(twoEpochs, dir);
        damage.accept(dir);
        MultiLayerNetwork net = network();
        INDArray before = net.params().dup();
        UserInputException e = assertThrows(UserInputException.class, () -> restore(dir, net), what);
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), what + ": " + e.getMessage());
        assertEquals(before, net.params(), what + ": nothing was restored");
        UserInputException again = assertThrows(UserInputException.class, () -> train(network(), 4, dir, true), what);
        assertEquals(e.getMessage(), again.getMessage(), what + ": --resume says the same");
    }

    @Test
    void aFreshRunReplacesAnEarlierCheckpointOnlyWhenItsOwnIsComplete() throws IOException {
        Path dir = tmp.resolve("fresh");
        copyTree(threeEpochs, dir);
        train(network(), 1, dir, false);
        assertEquals(1, restore(dir, network()).completedEpochs());
        assertFalse(Files.exists(checkpointFile(dir, "epoch-3.zip")));

        Checkpoint.delete(dir);
        assertFalse(Checkpoint.exists(dir));
        assertFalse(Files.exists(Checkpoint.directory(dir)));
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void truncate(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flipLastByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 0x5a;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(CheckpointTest::delete);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
