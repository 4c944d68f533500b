package io.rnnsuite.common.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.toy.ToyApp;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh {@code train} (not {@code --resume}) into a directory that holds a finished model, stopped
 * dead at the moments a kill can strike: the directory never looks finished while it holds parts of
 * two runs.
 */
class FreshRunOverAFinishedModelTest {

    private static final ToyApp APP = new ToyApp();

    @TempDir
    Path tmp;

    /** What a SIGKILL does to the run: nothing after this point happens. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed");
        }
    }

    private static ToyApp.Config config(long seed, int epochs) {
        ToyApp.Config defaults = APP.defaults(true);
        return defaults.with(defaults.recurrent(), defaults.training().withSeed(seed).withMaxEpochs(epochs));
    }

    /** Stops the run at the end of epoch {@code epoch}: after its model.zip and checkpoint are written. */
    private static ProgressReporter killedAfterEpoch(int epoch) {
        return new ProgressReporter() {
            @Override
            public void epochFinished(EpochStats stats, int maxEpochs, double etaSeconds) {
                if (stats.epoch() == epoch) {
                    throw new Killed();
                }
            }
        };
    }

    /** Stops the run as its first epoch starts: after the earlier run was retired, before any new file. */
    private static final ProgressReporter KILLED_AT_THE_START = new ProgressReporter() {
        @Override
        public void epochStarted(int epoch, int maxEpochs, int batches) {
            throw new Killed();
        }
    };

    @Test
    void aRunKilledAfterItsFirstSaveLeavesAnUnfinishedDirectoryNotAMix() throws Exception {
        Path dir = tmp.resolve("m");
        TrainRun.run(APP, config(1, 2), dir, false, null);
        byte[] oldModel = Files.readAllBytes(dir.resolve(ModelDirectory.MODEL_FILE));
        assertTrue(Files.isRegularFile(dir.resolve(ModelDirectory.RUN_FILE)));

        List<String> messages = new ArrayList<>();
        ProgressReporter killed = killedAfterEpoch(1);
        assertThrows(Killed.class, () -> TrainRun.run(APP, config(2, 3), dir, false, new ProgressReporter() {
            @Override
            public void message(String line) {
                messages.add(line);
            }

            @Override
            public void epochFinished(EpochStats stats, int maxEpochs, double etaSeconds) {
                killed.epochFinished(stats, maxEpochs, etaSeconds);
            }
        }));

        assertTrue(messages.get(0).startsWith("replacing the model in " + dir), messages.toString());
        byte[] newModel = Files.readAllBytes(dir.resolve(ModelDirectory.MODEL_FILE));
        assertFalse(java.util.Arrays.equals(oldModel, newModel), "the new run's first better epoch was saved");
        for (String gone : List.of(ModelDirectory.RUN_FILE, ModelDirectory.REPORT_FILE, ModelDirectory.RESULTS_FILE)) {
            assertFalse(Files.exists(dir.resolve(gone)), gone + " of the earlier run is gone");
        }
        UserInputException refused = assertThrows(UserInputException.class, () -> AppModels.open(APP, dir));
        assertTrue(refused.getMessage().contains("has no model.zip and run.json"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());

        // the killed run continues from its own checkpoint (epoch 1), not from the earlier run's (epoch 2)
        messages.clear();
        TrainRun.Outcome<ToyApp.Config, ?> resumed = TrainRun.run(APP, config(2, 3), dir, true, new ProgressReporter() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        });
        assertTrue(messages.get(0).startsWith("resuming after epoch 1 "), messages.toString());
        assertEquals(3, resumed.trained().training().history().size());
        AppModels.Loaded<ToyApp.Config, ?> loaded = AppModels.open(APP, dir);
        assertEquals(2, loaded.config().training().seed(), "the record and config are the new run's");
        assertTrue(Files.isRegularFile(dir.resolve(ModelDirectory.RUN_FILE)));
    }

    @Test
    void aRunKilledBeforeItsFirstEpochLeavesNothingOfTheEarlierRunToResume() throws Exception {
        Path dir = tmp.resolve("k");
        TrainRun.run(APP, config(1, 2), dir, false, null);
        Files.writeString(dir.resolve("notes.txt"), "the user's own file");
        assertTrue(Trainer.hasCheckpoint(dir));

        assertThrows(Killed.class, () -> TrainRun.run(APP, config(2, 3), dir, false, KILLED_AT_THE_START));

        for (String gone : List.of(ModelDirectory.RUN_FILE, ModelDirectory.MODEL_FILE, ModelDirectory.CONFIG_FILE,
                ModelDirectory.REPORT_FILE, ModelDirectory.RESULTS_FILE, ModelDirectory.CHECKPOINT_DIR)) {
            assertFalse(Files.exists(dir.resolve(gone)), gone + " of the earlier run is gone");
        }
        assertEquals("the user's own file", Files.readString(dir.resolve("notes.txt")), "files the suite did not write stay");
        assertThrows(UserInputException.class, () -> AppModels.open(APP, dir));
        UserInputException noCheckpoint = assertThrows(UserInputException.class,
                () -> TrainRun.run(APP, config(2, 3), dir, true, null));
        assertTrue(noCheckpoint.getMessage().startsWith("cannot resume: " + dir + " holds no checkpoint"), noCheckpoint.getMessage());

        TrainRun.run(APP, config(2, 1), dir, false, null);
        assertEquals(2, AppModels.open(APP, dir).config().training().seed());
    }

    @Test
    void aFinishedFreshRunReplacesEveryFileOfTheEarlierOne() throws Exception {
        Path dir = tmp.resolve("f");
        TrainRun.run(APP, config(1, 2), dir, false, null);
        byte[] oldRecord = Files.readAllBytes(dir.resolve(ModelDirectory.RUN_FILE));
        TrainRun.run(APP, config(3, 1), dir, false, null);
        assertNotEquals(new String(oldRecord), Files.readString(dir.resolve(ModelDirectory.RUN_FILE)));
        RunRecordSchema.assertValid(dir.resolve(ModelDirectory.RUN_FILE));
        assertEquals(3, AppModels.open(APP, dir).config().training().seed());
        assertArrayEquals(new String[0], Files.list(dir).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".tmp")).toArray(String[]::new), "no temporary files left");
    }
}
