package io.rnnsuite.common.io;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run at a time in an output directory: a lock file {@value #FILE} in the directory names the
 * owning process (PID and start time). A second run into the same directory refuses with one line
 * while the owner is alive; a lock left by a process that died (kill -9, power loss) is taken over.
 * The lock is removed when it is closed and, failing that, when the JVM exits (Ctrl-C, SIGTERM).
 *
 * <p>The lock file is created complete in one step (written beside it, then hard-linked into
 * place, which fails if a lock exists), so a reader never sees half a lock. A directory that the
 * lock itself created and that is still empty when the lock is released is removed again, so a run
 * that fails before writing anything leaves nothing behind.
 */
public final class DirectoryLock implements AutoCloseable {

    /** The lock file's name inside the locked directory. */
    public static final String FILE = ".rnn-suite.lock";

    /** Locks held by this JVM: lock file → holder. */
    private static final Map<Path, DirectoryLock> HELD = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(DirectoryLock::releaseAllAtExit, "directory-locks"));
    }

    private final Path dir;
    private final Path file;
    private final String content;
    private final Thread owner;
    private final boolean createdDirectory;
    private boolean released;

    private DirectoryLock(Path dir, Path file, String content, Thread owner, boolean createdDirectory) {
        this.dir = dir;
        this.file = file;
        this.content = content;
        this.owner = owner;
        this.createdDirectory = createdDirectory;
    }

    /**
     * Locks {@code dir} (created if needed) for {@code what} (e.g. "training"), until {@link #close()}.
     *
     * @throws UserInputException if another live run holds it, or it cannot be created
     */
    public static DirectoryLock acquire(Path dir, String what) {
        Path absolute = dir.toAbsolutePath().normalize();
        boolean created = !Files.exists(absolute);
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UserInputException("cannot create the output directory " + dir + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(absolute)) {
            throw new UserInputException("the output directory " + dir + " is not writable");
        }
        Path file = absolute.resolve(FILE);
        ProcessHandle self = ProcessHandle.current();
        String content = "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().map(Instant::toString).orElse("")
                + "\ntoken=" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "\nwhat=" + what
                + "\nsince=" + Instant.now() + "\n";
        for (int attempt = 0; attempt < 5; attempt++) {
            if (tryCreate(file, content, dir)) {
                DirectoryLock lock = new DirectoryLock(absolute, file, content, Thread.currentThread(), created);
                synchronized (HELD) {
                    HELD.put(file, lock);
                }
                return lock;
            }
            String existing = read(file);
            if (existing == null) {
                continue; // released meanwhile: try again
            }
            Optional<String> holder = liveHolder(file, existing);
            if (holder.isPresent()) {
                throw new UserInputException(dir + " is in use by another run (" + holder.get() + "): wait for it to finish or "
                        + "choose another --output-dir (if no such run is going, delete " + file + ")");
            }
            removeIfStill(file, existing);
        }
        throw new UserInputException("cannot lock " + dir + ": another run keeps taking " + file);
    }

    /**
     * Locks {@code dir} for the rest of this process (released at exit), for commands that write a
     * directory until they return. The same thread locking the directory again (the next command in
     * a test, say) takes the lock over.
     */
    public static void holdUntilExit(Path dir, String what) {
        acquire(dir, what);
    }

    /** The directory this lock holds. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            HELD.remove(file, this);
        }
        removeIfStill(file, content);
        if (createdDirectory) {
            try {
                Files.deleteIfExists(dir); // only succeeds while empty
            } catch (IOException e) {
                // not empty: the run wrote something, which stays
            }
        }
    }

    private static boolean tryCreate(Path file, String content, Path dir) {
        Path tmp = file.resolveSibling(FILE + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here: create the lock in place (not atomic with its content, but exclusive)
                try {
                    Files.writeString(file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                    return true;
                } catch (FileAlreadyExistsException exists) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot write the lock file " + file + " (" + e.getMessage() + ")");
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a stray temporary lock file is harmless
            }
        }
    }

    /** Who holds the lock described by {@code content}, if that holder is alive. */
    private static Optional<String> liveHolder(Path file, String content) {
        Map<String, String> fields = new HashMap<>();
        for (String line : content.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        long pid;
        try {
            pid = Long.parseLong(fields.getOrDefault("pid", ""));
        } catch (NumberFormatException e) {
            return Optional.empty(); // unreadable: no one can be shown to hold it
        }
        String who = "process " + pid + ", " + fields.getOrDefault("what", "a run") + " since " + fields.getOrDefault("since", "?");
        if (pid == ProcessHandle.current().pid()) {
            synchronized (HELD) {
                DirectoryLock held = HELD.get(file);
                boolean heldElsewhere = held != null && held.content.equals(content) && held.owner != Thread.currentThread()
                        && held.owner.isAlive();
                if (held != null && !heldElsewhere && held.content.equals(content)) {
                    held.released = true; // the same thread again, or a thread that has ended: taken over
                    HELD.remove(file);
                }
                return heldElsewhere ? Optional.of(who + ", in this process") : Optional.empty();
            }
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        String started = fields.getOrDefault("started", "");
        Optional<Instant> actual = process.get().info().startInstant();
        if (!started.isEmpty() && actual.isPresent() && !actual.get().toString().equals(started)) {
            return Optional.empty(); // the PID was reused by a later process
        }
        return Optional.of(who);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return "";
        }
    }

    private static void removeIfStill(Path file, String content) {
        String now = read(file);
        if (now != null && now.equals(content)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left behind: the next run sees a dead owner and takes it over
            }
        }
    }

    private static void releaseAllAtExit() {
        Map<Path, DirectoryLock> held;
        synchronized (HELD) {
            held = new HashMap<>(HELD);
        }
        for (DirectoryLock lock : held.values()) {
            removeIfStill(lock.file, lock.content);
        }
    }
}
