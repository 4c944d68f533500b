package io.rnnsuite.spark;

import io.rnnsuite.common.train.TrainableNetwork;
import java.io.Serializable;

/**
 * What workers send back from a round: their parameters and optimiser state averaged so far,
 * weighted by the minibatches each fitted, with the loss sum and counts.
 *
 * @param state          the (weighted mean) state
 * @param minibatches    minibatches fitted by the workers merged into this result (the weight)
 * @param lossSum        the sum of their minibatch losses
 * @param mostMinibatches the most minibatches one of those workers fitted (sequential updates)
 */
record WorkerResult(NetworkState state, int minibatches, double lossSum, int mostMinibatches) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Fits {@code minibatches} on a network built from {@code blueprint}, starting at {@code start}. Runs on an executor. */
    static WorkerResult fit(java.util.List<org.nd4j.linalg.dataset.api.MultiDataSet> minibatches, NetworkBlueprint blueprint,
                            NetworkState start) {
        TrainableNetwork network = blueprint.take();
        try {
            start.applyTo(network.model());
            double lossSum = 0;
            int fitted = 0;
            for (org.nd4j.linalg.dataset.api.MultiDataSet batch : minibatches) {
                network.fit(batch);
                lossSum += network.lastLoss();
                fitted++;
            }
            return new WorkerResult(NetworkState.of(network.model()), fitted, lossSum, fitted);
        } finally {
            blueprint.release(network);
        }
    }

    /**
     * The weighted mean of two results (weights: minibatches fitted); the later iteration count.
     * A single result is never touched, so one worker's parameters come back bit for bit.
     */
    static WorkerResult merge(WorkerResult a, WorkerResult b) {
        if (a.minibatches == 0) {
            return b;
        }
        if (b.minibatches == 0) {
            return a;
        }
        double wa = a.minibatches / (double) (a.minibatches + b.minibatches);
        NetworkState sa = a.state;
        NetworkState sb = b.state;
        NetworkState mean = new NetworkState(mean(sa.params(), sb.params(), wa), mean(sa.updater(), sb.updater(), wa),
                Math.max(sa.iteration(), sb.iteration()), Math.max(sa.epoch(), sb.epoch()));
        return new WorkerResult(mean, a.minibatches + b.minibatches, a.lossSum + b.lossSum,
                Math.max(a.mostMinibatches, b.mostMinibatches));
    }

    private static float[] mean(float[] x, float[] y, double weightOfX) {
        if (x.length != y.length) {
            throw new IllegalStateException("workers returned states of different sizes: " + x.length + " and " + y.length);
        }
        float[] out = new float[x.length];
        double weightOfY = 1 - weightOfX;
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (weightOfX * x[i] + weightOfY * y[i]);
        }
        return out;
    }
}
