package io.rnnsuite.common.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelRunsTest {

    @Test
    void resultsComeBackInTheTasksOrderWhateverFinishesFirst() {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int value = i;
            tasks.add(() -> {
                Thread.sleep(5L * (6 - value)); // later tasks finish first
                return value;
            });
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ParallelRuns.run(3, "test", tasks));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ParallelRuns.run(1, "test", tasks));
    }

    @Test
    void twoThreadsReallyRunTwoTasksAtOnce() {
        CyclicBarrier bothStarted = new CyclicBarrier(2);
        Callable<String> meet = () -> {
            bothStarted.await(10, TimeUnit.SECONDS); // times out (and fails the run) unless the other task runs too
            return Thread.currentThread().getName();
        };
        List<String> threads = ParallelRuns.run(2, "pair", List.of(meet, meet));
        assertTrue(threads.get(0).startsWith("pair-") && threads.get(1).startsWith("pair-"), threads.toString());
        assertTrue(!threads.get(0).equals(threads.get(1)), "two tasks ran on one thread: " + threads);
    }

    @Test
    void oneThreadRunsInTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertEquals(List.of(caller, caller), ParallelRuns.run(1, "x", List.<Callable<String>>of(
                () -> Thread.currentThread().getName(), () -> Thread.currentThread().getName())));
    }

    @Test
    void theFirstFailureInTheTasksOrderIsThrownAsItWasAndLaterTasksAreDropped() {
        AtomicInteger started = new AtomicInteger();
        UserInputException expected = new UserInputException("bad data in task 1");
        List<Callable<Integer>> tasks = new ArrayList<>();
        tasks.add(() -> {
            started.incrementAndGet();
            Thread.sleep(50);
            return 0;
        });
        tasks.add(() -> {
            started.incrementAndGet();
            throw expected;
        });
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                started.incrementAndGet();
                Thread.sleep(50);
                return 2;
            });
        }
        UserInputException thrown = assertThrows(UserInputException.class, () -> ParallelRuns.run(2, "f", tasks));
        assertSame(expected, thrown);
        assertTrue(started.get() < tasks.size(), "every task started although one had failed: " + started.get());
    }

    @Test
    void aCheckedExceptionIsWrappedAndAZeroThreadCountRefused() {
        RuntimeException wrapped = assertThrows(RuntimeException.class, () -> ParallelRuns.run(2, "c",
                List.<Callable<Integer>>of(() -> 1, () -> {
                    throw new java.io.IOException("disk");
                })));
        assertEquals("disk", wrapped.getCause().getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParallelRuns.run(0, "z", List.<Callable<Integer>>of(() -> 1)));
    }

    @Test
    void perCoreIsAtLeastOneAndAtMostTheCores() {
        int n = ParallelRuns.perCore();
        assertTrue(n >= 1 && n <= Runtime.getRuntime().availableProcessors(), "perCore " + n);
    }
}
