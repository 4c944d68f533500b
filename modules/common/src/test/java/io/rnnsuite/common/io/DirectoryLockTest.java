package io.rnnsuite.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheDirectory() throws Exception {
        Path dir = tmp.resolve("out");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try (DirectoryLock lock = DirectoryLock.acquire(dir, "training")) {
                locked.countDown();
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        first.start();
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        String lockText = Files.readString(dir.resolve(DirectoryLock.FILE));
        assertTrue(lockText.contains("pid=" + ProcessHandle.current().pid()), lockText);
        UserInputException e = assertThrows(UserInputException.class, () -> DirectoryLock.acquire(dir, "training"));
        assertTrue(e.getMessage().startsWith(dir + " is in use by another run (process " + ProcessHandle.current().pid()),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        done.countDown();
        first.join();
        assertFalse(Files.exists(dir.resolve(DirectoryLock.FILE)), "released on close");
        assertFalse(Files.exists(dir), "the lock created the directory and nothing was written: removed again");
        DirectoryLock.acquire(dir, "again").close();
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Path dir = Files.createDirectories(tmp.resolve("stale"));
        Files.writeString(dir.resolve("model.zip"), "kept");
        Files.writeString(dir.resolve(DirectoryLock.FILE), "pid=" + gone.pid() + "\nwhat=training\n");
        try (DirectoryLock lock = DirectoryLock.acquire(dir, "training")) {
            assertTrue(Files.readString(dir.resolve(DirectoryLock.FILE)).contains("pid=" + ProcessHandle.current().pid()));
        }
        assertFalse(Files.exists(dir.resolve(DirectoryLock.FILE)));
        assertEquals("kept", Files.readString(dir.resolve("model.zip")), "a directory with content stays");
        Files.writeString(dir.resolve(DirectoryLock.FILE), "garbage");
        DirectoryLock.acquire(dir, "training").close();
    }

    @Test
    void aLiveProcessOfAnotherProgramHoldsTheLock() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Path dir = Files.createDirectories(tmp.resolve("busy"));
            String started = other.info().startInstant().map(Object::toString).orElse("");
            Files.writeString(dir.resolve(DirectoryLock.FILE), "pid=" + other.pid() + "\nstarted=" + started + "\nwhat=compare\n");
            UserInputException e = assertThrows(UserInputException.class, () -> DirectoryLock.acquire(dir, "training"));
            assertTrue(e.getMessage().contains("process " + other.pid() + ", compare"), e.getMessage());
            Files.writeString(dir.resolve(DirectoryLock.FILE), "pid=" + other.pid() + "\nstarted=1970-01-01T00:00:00Z\n");
            DirectoryLock.acquire(dir, "training").close(); // the PID now belongs to a later process: stale
        } finally {
            other.destroy();
        }
    }

    @Test
    void holdingUntilExitIsTakenOverByTheSameThreadButNotByAnother() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("report"));
        DirectoryLock.holdUntilExit(dir, "compare");
        AtomicReference<Throwable> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                DirectoryLock.acquire(dir, "compare").close();
            } catch (Throwable e) {
                other.set(e);
            }
        });
        t.start();
        t.join();
        assertTrue(other.get() instanceof UserInputException, String.valueOf(other.get()));
        DirectoryLock.holdUntilExit(dir, "compare"); // the next command on this thread
        DirectoryLock.acquire(dir, "compare").close();
        assertFalse(Files.exists(dir.resolve(DirectoryLock.FILE)));
    }

    @Test
    void anUnwritableDirectoryIsOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        UserInputException e = assertThrows(UserInputException.class, () -> DirectoryLock.acquire(file.resolve("sub"), "training"));
        assertTrue(e.getMessage().startsWith("cannot create the output directory"), e.getMessage());
    }
}
