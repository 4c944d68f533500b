package io.rnnsuite.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The updater of {@link FastAdam}: DL4J's {@link AdamUpdater} (its state handling unchanged) with
 * the step done by {@link Pointwise#adam}; arrays that are not contiguous float or double memory
 * of one type are left to ND4J's op.
 */
final class FastAdamUpdater extends AdamUpdater {

    /** Elements per piece when the step is shared between the cores. */
    private static final int PIECE = 4096;
    /** What one element costs, in multiply-add equivalents, for {@link RowSplit}'s size threshold (memory-bound). */
    private static final long ELEMENT_COST = 16;

    FastAdamUpdater(Adam config) {
        super(config);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        INDArray m = getM();
        INDArray v = getV();
        if (m == null || v == null) {
            throw new IllegalStateException("Updater has not been initialized with view state");
        }
        DataType type = gradient.dataType();
        if ((type != DataType.FLOAT && type != DataType.DOUBLE) || m.dataType() != type || v.dataType() != type
                || !Mem.isContiguous(gradient) || !Mem.isContiguous(m) || !Mem.isContiguous(v)
                || m.length() != gradient.length() || v.length() != gradient.length()) {
            super.applyUpdater(gradient, iteration, epoch);
            return;
        }
        Adam config = getConfig();
        double beta1 = config.getBeta1();
        double beta2 = config.getBeta2();
        double epsilon = config.getEpsilon() == 0 ? 1e-7 : config.getEpsilon();
        double learningRate = config.getLearningRate(iteration, epoch);
        boolean isDouble = type == DataType.DOUBLE;
        double stepSize = stepSize(learningRate, beta1, beta2, epsilon, iteration, isDouble);

        Mem g = Mem.of(gradient);
        Mem mm = Mem.of(m);
        Mem vm = Mem.of(v);
        Pointwise pointwise = Pointwise.forType(isDouble);
        long n = gradient.length();
        int pieces = (int) ((n + PIECE - 1) / PIECE);
        RowSplit.run(pieces, PIECE * ELEMENT_COST, (from, to) -> {
            long first = (long) from * PIECE;
            int count = (int) (Math.min(n, (long) to * PIECE) - first);
            pointwise.adam(count, g, first, mm, first, vm, first, beta1, beta2, stepSize, epsilon);
        });
    }

    /**
     * The bias-corrected learning rate {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)},
     * {@code t = iteration + 1}, in the storage's precision as ND4J computes it; epsilon where that
     * is not a finite non-zero number.
     */
    static double stepSize(double learningRate, double beta1, double beta2, double epsilon, int iteration, boolean isDouble) {
        int t = iteration + 1;
        double step;
        if (isDouble) {
            step = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        } else {
            float beta1T = (float) Math.pow((float) beta1, t);
            float beta2T = (float) Math.pow((float) beta2, t);
            step = (float) learningRate * (float) Math.sqrt(1f - beta2T) / (1f - beta1T);
        }
        return Double.isNaN(step) || Double.isInfinite(step) || step == 0 ? epsilon : step;
    }
}
