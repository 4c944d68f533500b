package io.rnnsuite.common.train;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.io.ModelDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The training loop's checkpoint, {@code DIR/checkpoint/}, written and read as one unit:
 * <pre>
 * epoch-N.zip    the network with its optimiser state after epoch N
 * epoch-N.json   the loop's own state after epoch N ({@link TrainerState})
 * manifest.json  which epoch is current, naming both files with their sizes and SHA-256, written last
 * </pre>
 * Saving writes the two files of the new epoch beside those of the previous one, flushes them to
 * disk, then replaces {@code manifest.json} (an atomic rename: the commit), and only then removes
 * the previous epoch's files. So whenever the process dies (kill -9 or power loss) the manifest
 * names a complete pair: the previous epoch's or the new one's, never a new network with old loop
 * state. Restoring reads the manifest and checks both files' sizes and digests before using
 * either; anything missing, truncated or altered is one {@link UserInputException} line, and
 * nothing is half-restored.
 */
public final class Checkpoint {

    /** The file that names the current epoch's pair: written last, read first. */
    public static final String MANIFEST = "manifest.json";

    /**
     * {@code manifest.json}.
     *
     * @param epoch   the epoch the pair was saved after
     * @param network the network file ({@code epoch-N.zip})
     * @param state   the loop-state file ({@code epoch-N.json})
     */
    public record Manifest(int epoch, Entry network, Entry state) {
    }

    /**
     * One file of the pair.
     *
     * @param file   its name inside {@code checkpoint/}
     * @param bytes  its size
     * @param sha256 the lower-case hex SHA-256 of its content
     */
    public record Entry(String file, long bytes, String sha256) {
    }

    private Checkpoint() {
    }

    /** The checkpoint directory of a model directory. */
    public static Path directory(Path outputDir) {
        return outputDir.resolve(ModelDirectory.CHECKPOINT_DIR);
    }

    /** True when {@code outputDir} holds a committed checkpoint (its manifest exists; restoring still checks it). */
    public static boolean exists(Path outputDir) {
        return Files.isRegularFile(directory(outputDir).resolve(MANIFEST));
    }

    /** Saves {@code network} (with its optimiser state) and {@code state} as the checkpoint after {@code state.completedEpochs()}. */
    static void save(TrainableNetwork network, Path outputDir, TrainerState state) {
        Path dir = directory(outputDir);
        int epoch = state.completedEpochs();
        Path networkFile = dir.resolve(networkName(epoch));
        Path stateFile = dir.resolve(stateName(epoch));
        try {
            AtomicFiles.write(networkFile, tmp -> network.save(tmp, true));
            Json.write(stateFile, state);
            Manifest manifest = new Manifest(epoch, entry(networkFile), entry(stateFile));
            flush(networkFile);
            flush(stateFile);
            flush(dir);
            Json.write(dir.resolve(MANIFEST), manifest);
            flush(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint into " + dir, e);
        }
        removeAllBut(dir, List.of(MANIFEST, networkFile.getFileName().toString(), stateFile.getFileName().toString()));
    }

    /**
     * Loads the committed checkpoint of {@code outputDir} into {@code network} and returns the loop
     * state saved with it.
     *
     * @throws UserInputException (one line) if there is none, or it is incomplete or damaged
     */
    static TrainerState restore(TrainableNetwork network, Path outputDir) {
        if (outputDir == null) {
            throw new UserInputException("cannot resume: no --output-dir given to continue in");
        }
        Path dir = directory(outputDir);
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("cannot resume: " + outputDir + " holds no checkpoint (no " + ModelDirectory.CHECKPOINT_DIR
                    + "/: no epoch of an earlier run finished there); train without --resume");
        }
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile) && Files.isRegularFile(dir.resolve("last.zip"))) {
            throw new UserInputException("cannot resume from " + dir + ": it holds a checkpoint of the earlier layout (last.zip and"
                    + " state.json, without " + MANIFEST + "), which cannot be checked for a torn write; train without --resume");
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new UserInputException("cannot resume from " + dir + ": it holds no complete checkpoint (no " + MANIFEST
                    + ", which is written last: the run stopped before its first checkpoint was complete, or the directory was"
                    + " altered); train without --resume");
        }
        Manifest manifest;
        try {
            manifest = Json.read(manifestFile, Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw unreadable(dir, MANIFEST + " is not a checkpoint manifest (" + firstLine(e) + ")");
        }
        if (manifest == null || manifest.network() == null || manifest.state() == null || manifest.epoch() < 1) {
            throw unreadable(dir, MANIFEST + " does not name an epoch, a network file and a state file");
        }
        Path networkFile = verified(dir, manifest.network());
        Path stateFile = verified(dir, manifest.state());
        TrainerState state;
        try {
            state = Json.read(stateFile, TrainerState.class);
        } catch (IOException | RuntimeException e) {
            throw unreadable(dir, manifest.state().file() + " is not the training state (" + firstLine(e) + ")");
        }
        if (state == null || state.completedEpochs() != manifest.epoch() || state.history() == null) {
            throw unreadable(dir, manifest.state().file() + " is the state after epoch "
                    + (state == null ? "?" : state.completedEpochs()) + ", but " + MANIFEST + " names epoch " + manifest.epoch());
        }
        try {
            network.restore(networkFile);
        } catch (IOException | RuntimeException e) {
            throw unreadable(dir, manifest.network().file() + " does not fit this network (" + firstLine(e)
                    + "): resume with the same data and network flags as the interrupted run");
        }
        return state;
    }

    /**
     * Removes the checkpoint of {@code outputDir}, the manifest first: a kill half-way leaves no
     * manifest, so nothing resumes from what is left.
     */
    public static void delete(Path outputDir) throws IOException {
        Path dir = directory(outputDir);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.deleteIfExists(dir.resolve(MANIFEST));
        flush(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // something that is not ours lives there (a folder); leave it
        }
    }

    static String networkName(int epoch) {
        return String.format(Locale.ROOT, "epoch-%d.zip", epoch);
    }

    static String stateName(int epoch) {
        return String.format(Locale.ROOT, "epoch-%d.json", epoch);
    }

    private static Path verified(Path dir, Entry entry) {
        if (entry.file() == null || entry.sha256() == null || !entry.file().matches("epoch-[0-9]+\\.(zip|json)")) {
            throw unreadable(dir, MANIFEST + " names no valid file (" + entry.file() + ")");
        }
        Path file = dir.resolve(entry.file());
        Entry actual;
        try {
            actual = entry(file);
        } catch (NoSuchFileException e) {
            throw unreadable(dir, entry.file() + " is missing");
        } catch (IOException e) {
            throw unreadable(dir, "cannot read " + entry.file() + " (" + firstLine(e) + ")");
        }
        if (actual.bytes() != entry.bytes()) {
            throw unreadable(dir, entry.file() + " has " + actual.bytes() + " bytes, " + entry.bytes() + " were written"
                    + (actual.bytes() < entry.bytes() ? " (truncated)" : ""));
        }
        if (!actual.sha256().equals(entry.sha256())) {
            throw unreadable(dir, entry.file() + " is not the file that was written (its SHA-256 differs)");
        }
        return file;
    }

    private static UserInputException unreadable(Path dir, String why) {
        return new UserInputException("cannot resume from " + dir + ": the checkpoint is damaged: " + why
                + "; train again without --resume");
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static Entry entry(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new Entry(file.getFileName().toString(), bytes, HexFormat.of().formatHex(digest.digest()));
    }

    /** Forces a file's content, or a directory's entries, to the disk (best effort where a file system cannot). */
    private static void flush(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to sync a directory; the rename order still holds for a killed process
        }
    }

    /** Removes the files of earlier epochs and temporary files that killed writes left (the manifest no longer names them). */
    private static void removeAllBut(Path dir, List<String> keep) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                // this layout's pairs, the earlier layout's two files, and temporary files of killed writes
                boolean ours = name.matches("epoch-[0-9]+\\.(zip|json)") || name.equals("last.zip") || name.equals("state.json")
                        || (name.startsWith(".") && name.endsWith(".tmp"));
                if (ours && !keep.contains(name) && Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // the new checkpoint is committed; an old file left behind is only disk space
        }
    }
}
