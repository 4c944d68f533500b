package io.rnnsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The spark-submit entry point refuses what is not {@code APP train ...} with exit code 2. */
class SparkTrainTest {

    @Test
    void anythingButAnAppsTrainCommandIsAUserError() {
        assertEquals(2, SparkTrain.run());
        assertEquals(2, SparkTrain.run("charlm"));
        assertEquals(2, SparkTrain.run("charlm", "evaluate", "--model", "x"));
        assertEquals(2, SparkTrain.run("no-such-app", "train"));
        assertEquals(2, SparkTrain.run("classify", "train", "--averaging-frequency", "2"), "needs --spark");
    }
}
