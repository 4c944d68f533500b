package io.rnnsuite.charlm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Training minibatches freed as the trainer releases them: gone at once, and the next one unharmed by the reused memory. */
class CharSequenceBatchesTest {

    @Test
    void aReleasedMinibatchIsFreedAndTheNextOneIsWhatItWouldHaveBeen() {
        int[] text = new int[500];
        Random fill = new Random(3);
        for (int i = 0; i < text.length; i++) {
            text[i] = fill.nextInt(7);
        }
        CharSequenceBatches batches = new CharSequenceBatches(text, 7, 20, 4);
        List<MultiDataSet> kept = new ArrayList<>();
        batches.epoch(new Random(11)).forEachRemaining(kept::add);

        Iterator<MultiDataSet> released = batches.epoch(new Random(11));
        for (MultiDataSet expected : kept) {
            MultiDataSet batch = released.next();
            assertEquals(expected.getFeatures(0), batch.getFeatures(0));
            assertEquals(expected.getLabels(0), batch.getLabels(0));
            assertEquals(4 * 20, batch.getFeatures(0).sumNumber().intValue(), "one symbol hot per step, nothing left over");
            batches.release(batch);
            assertTrue(batch.getFeatures(0).wasClosed() && batch.getLabels(0).wasClosed());
            assertFalse(expected.getFeatures(0).wasClosed(), "only the released minibatch is freed");
        }
    }
}
