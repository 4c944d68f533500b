package io.rnnsuite.forecast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    @Test
    void partsAndWindowBoundaries() {
        // 100 rows, test 20, validation 15 → train [0,65), validation [65,80), test [80,100)
        SplitPlan plan = SplitPlan.of(100, 10, 5, 0.15, 0.2, "s");
        assertEquals(65, plan.trainEnd());
        assertEquals(80, plan.validationEnd());
        List<Integer> train = plan.trainOrigins();
        assertEquals(10, train.get(0), "first window has a full lookback before it");
        assertEquals(60, train.get(train.size() - 1), "last training window's targets end at row 64");
        assertEquals(List.of(65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75), plan.validationOrigins());
        List<Integer> test = plan.testOrigins();
        assertEquals(80, test.get(0));
        assertEquals(95, test.get(test.size() - 1), "last window ends at the last row");
        assertEquals(List.of(80, 85, 90, 95), plan.tilingTestOrigins());
        for (int origin : train) {
            assertTrue(origin + 5 <= plan.trainEnd(), "training targets stay in the training part");
        }
    }

    @Test
    void eachPartHoldsAtLeastOneHorizon() {
        SplitPlan plan = SplitPlan.of(60, 4, 12, 0.05, 0.05, "s");
        assertEquals(12, plan.validationEnd() - plan.trainEnd());
        assertEquals(12, plan.length() - plan.validationEnd());
    }

    @Test
    void tooShortSeriesSaysWhatItNeeds() {
        UserInputException e = assertThrows(UserInputException.class, () -> SplitPlan.of(40, 24, 12, 0.15, 0.2, "tiny.csv"));
        assertEquals("tiny.csv has 40 rows, fewer than lookback + horizon + validation + test = 24 + 12 + 12 + 12 = 60 "
                + "(use a shorter --lookback or --horizon, or a longer series)", e.getMessage());
    }
}
