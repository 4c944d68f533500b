package io.rnnsuite.layers;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies between DL4J's sequence layouts ({@code [batch, features, time]} NCW or
 * {@code [batch, time, features]} NWC, any strides) and the fast layers' time-major buffers
 * (row {@code t * batch + b}, features contiguous). Plain Java over the arrays' memory: ND4J's
 * permuted {@code assign} measured several milliseconds per copy at LSTM(128) B64 T100.
 */
final class Layouts {

    /** What copying one element costs, in multiply-adds, for {@link RowSplit}'s size threshold (about 1 ns against 0.07). */
    static final long COPY_COST = 10;

    private Layouts() {
    }

    /** {@code sequences} (3-d, layer layout) into time-major {@code target}. */
    static void toTimeMajor(INDArray sequences, boolean nwc, Mem target) {
        copy(sequences, nwc, target, true, null);
    }

    /** Time-major {@code source} into {@code sequences} (3-d, layer layout). */
    static void fromTimeMajor(Mem source, INDArray sequences, boolean nwc) {
        copy(sequences, nwc, source, false, null);
    }

    /**
     * As {@link #toTimeMajor} / {@link #fromTimeMajor}, with time-major step {@code t} of sequence
     * {@code b} standing for the sequence's step {@code order.step(b, t)} (null: step t): a layer
     * reading its input backwards needs no reversed copy.
     */
    static void copy(INDArray sequences, boolean nwc, Mem timeMajor, boolean intoTimeMajor, StepOrder order) {
        Mem layer = Mem.of(sequences);
        int batch = (int) sequences.size(0);
        int steps = (int) sequences.size(nwc ? 1 : 2);
        int features = (int) sequences.size(nwc ? 2 : 1);
        long[] stride = sequences.stride();
        long batchStride = stride[0];
        long stepStride = stride[nwc ? 1 : 2];
        long featureStride = stride[nwc ? 2 : 1];
        StepOrder reading = order != null ? order : StepOrder.forwards(steps);
        if (reading.steps() != steps) {
            throw new IllegalArgumentException("a step order over " + reading.steps() + " steps for " + steps + " steps");
        }
        if (layer.floats != null && timeMajor.floats != null && reading.isForwards() && isTimeMajor(sequences, nwc)) {
            // already time-major (a fast layer's output, a fast output layer's input gradient): one block per step
            int block = batch * features;
            RowSplit.run(steps, (long) block * COPY_COST, (from, to) -> copyBlocks(layer.floats, timeMajor.floats,
                    intoTimeMajor, (long) from * block, (long) to * block));
            return;
        }
        if (layer.floats != null && timeMajor.floats != null && stepStride == 1 && batchStride >= (long) features * steps) {
            RowSplit.run(batch, (long) features * steps * COPY_COST, (from, to) -> copyNcwFloats(layer.floats, batchStride,
                    featureStride, timeMajor.floats, batch, steps, features, intoTimeMajor, reading, from, to));
            return;
        }
        if (layer.floats != null && timeMajor.floats != null && featureStride == 1) {
            RowSplit.run(batch, (long) features * steps * COPY_COST, (from, to) -> copyNwcFloats(layer.floats, batchStride,
                    stepStride, timeMajor.floats, batch, steps, features, intoTimeMajor, reading, from, to));
            return;
        }
        if (layer.floats != null && timeMajor.floats != null && batchStride == 1 && reading.uniform()) {
            RowSplit.run(steps, (long) features * batch * COPY_COST, (from, to) -> copyBatchContiguousFloats(layer.floats,
                    featureStride, stepStride, timeMajor.floats, batch, steps, features, intoTimeMajor, reading, from, to));
            return;
        }
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                long row = ((long) t * batch + b) * features;
                long at = b * batchStride + reading.step(b, t) * stepStride;
                for (int f = 0; f < features; f++) {
                    if (intoTimeMajor) {
                        timeMajor.set(row + f, layer.get(at + f * featureStride));
                    } else {
                        layer.set(at + f * featureStride, timeMajor.get(row + f));
                    }
                }
            }
        }
    }

    /**
     * A forward-reading fast layer's output, time-major {@code [steps, batch, hidden]} (its
     * buffer), into a new array of the activations workspace, seen in the layer's layout
     * ({@code [batch, hidden, steps]} or, {@code nwc}, {@code [batch, steps, hidden]}) through a
     * permuted view: one contiguous copy, and the rows stay time-major for whoever reads them next
     * ({@link FastRnnOutputLayer} in place, another fast layer with a contiguous copy).
     */
    static INDArray timeMajorView(INDArray timeMajor, boolean nwc, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr workspaceMgr,
                                  org.deeplearning4j.nn.workspace.ArrayType arrayType) {
        INDArray copy = workspaceMgr.createUninitialized(arrayType, timeMajor.dataType(), timeMajor.shape(), 'c');
        Mem from = Mem.of(timeMajor);
        Mem to = Mem.of(copy);
        if (from.floats != null && to.floats != null) {
            int steps = (int) timeMajor.size(0);
            int block = (int) (timeMajor.length() / steps);
            RowSplit.run(steps, (long) block * COPY_COST, (first, end) -> copyBlocks(from.floats, to.floats, true,
                    (long) first * block, (long) end * block));
        } else {
            copy.assign(timeMajor);
        }
        return inLayerLayout(copy, nwc);
    }

    /** A time-major {@code [steps, batch, features]} array seen in a layer's layout ({@code [batch, features, steps]}, or NWC). */
    static INDArray inLayerLayout(INDArray timeMajor, boolean nwc) {
        return nwc ? timeMajor.permute(1, 0, 2) : timeMajor.permute(1, 2, 0);
    }

    /**
     * Whether {@code sequences} (3-d, layer layout) is such a view of a contiguous time-major
     * buffer: sequence b, step t, feature f at {@code (t * batch + b) * features + f}.
     */
    static boolean isTimeMajor(INDArray sequences, boolean nwc) {
        long batch = sequences.size(0);
        long features = sequences.size(nwc ? 2 : 1);
        long[] stride = sequences.stride();
        return stride[nwc ? 2 : 1] == 1 && stride[0] == features && stride[nwc ? 1 : 2] == batch * features;
    }

    /**
     * A pass's time-major output {@code source} ({@code [steps, batch, hidden]}, step t of sequence
     * b standing for its step {@code order.step(b, t)}) into columns {@code column .. column +
     * hidden} of {@code target}, time-major {@code [steps, batch, width]} in each sequence's own
     * step order; split by sequences ({@link RowSplit}).
     */
    static void intoColumns(INDArray source, StepOrder order, INDArray target, int column) {
        int steps = (int) source.size(0);
        int batch = (int) source.size(1);
        int hidden = (int) source.size(2);
        int width = (int) target.size(2);
        Mem from = Mem.of(source);
        Mem to = Mem.of(target);
        RowSplit.run(batch, (long) steps * hidden * COPY_COST, (first, end) -> {
            float[] row = from.floats != null && to.floats != null ? new float[hidden] : null;
            for (int b = first; b < end; b++) {
                for (int t = 0; t < steps; t++) {
                    long in = ((long) t * batch + b) * hidden;
                    long out = ((long) order.step(b, t) * batch + b) * width + column;
                    if (row != null) {
                        from.floats.get((int) in, row, 0, hidden);
                        to.floats.put((int) out, row, 0, hidden);
                    } else {
                        for (int f = 0; f < hidden; f++) {
                            to.set(out + f, from.get(in + f));
                        }
                    }
                }
            }
        });
    }

    /** Elements {@code from .. to} of one buffer into the same places of the other. */
    private static void copyBlocks(FloatBuffer layer, FloatBuffer timeMajor, boolean intoTimeMajor, long from, long to) {
        FloatBuffer source = (intoTimeMajor ? layer : timeMajor).duplicate();
        FloatBuffer target = (intoTimeMajor ? timeMajor : layer).duplicate();
        source.limit((int) to).position((int) from);
        target.position((int) from);
        target.put(source);
    }

    /**
     * Reorders the steps of {@code sequences} into {@code target} (same shape, layer layout):
     * {@code target[b, t] = sequences[b, order.step(b, t)]}, or with {@code inverse} the other way
     * round, {@code target[b, order.step(b, t)] = sequences[b, t]} (which undoes the first).
     */
    static void reorder(INDArray sequences, INDArray target, boolean nwc, StepOrder order, boolean inverse) {
        int batch = (int) sequences.size(0);
        int steps = (int) sequences.size(nwc ? 1 : 2);
        int features = (int) sequences.size(nwc ? 2 : 1);
        INDArray timeMajor = org.nd4j.linalg.factory.Nd4j.createUninitializedDetached(sequences.dataType(),
                steps, batch, features);
        Mem buffer = Mem.of(timeMajor);
        copy(sequences, nwc, buffer, true, inverse ? null : order);
        copy(target, nwc, buffer, false, inverse ? order : null);
    }

    /**
     * NCW with contiguous time: per sequence, its {@code [features, steps]} block goes through a
     * heap tile (bulk reads of whole feature rows, bulk writes of whole time-major rows).
     */
    private static void copyNcwFloats(FloatBuffer layer, long batchStride, long featureStride, FloatBuffer timeMajor,
                                      int batch, int steps, int features, boolean intoTimeMajor, StepOrder order,
                                      int fromSequence, int toSequence) {
        float[] tile = new float[features * steps];
        float[] row = new float[features];
        for (int b = fromSequence; b < toSequence; b++) {
            int base = (int) (b * batchStride);
            if (intoTimeMajor) {
                for (int f = 0; f < features; f++) {
                    layer.get(base + (int) (f * featureStride), tile, f * steps, steps);
                }
                for (int t = 0; t < steps; t++) {
                    for (int f = 0, at = order.step(b, t); f < features; f++, at += steps) {
                        row[f] = tile[at];
                    }
                    timeMajor.put((t * batch + b) * features, row, 0, features);
                }
            } else {
                for (int t = 0; t < steps; t++) {
                    timeMajor.get((t * batch + b) * features, row, 0, features);
                    for (int f = 0, at = order.step(b, t); f < features; f++, at += steps) {
                        tile[at] = row[f];
                    }
                }
                for (int f = 0; f < features; f++) {
                    layer.put(base + (int) (f * featureStride), tile, f * steps, steps);
                }
            }
        }
    }

    /** NWC with contiguous features: every (sequence, step) row is one bulk copy. */
    private static void copyNwcFloats(FloatBuffer layer, long batchStride, long stepStride, FloatBuffer timeMajor,
                                      int batch, int steps, int features, boolean intoTimeMajor, StepOrder order,
                                      int fromSequence, int toSequence) {
        float[] row = new float[features];
        for (int b = fromSequence; b < toSequence; b++) {
            for (int t = 0; t < steps; t++) {
                int at = (int) (b * batchStride + order.step(b, t) * stepStride);
                int tm = (t * batch + b) * features;
                if (intoTimeMajor) {
                    layer.get(at, row, 0, features);
                    timeMajor.put(tm, row, 0, features);
                } else {
                    timeMajor.get(tm, row, 0, features);
                    layer.put(at, row, 0, features);
                }
            }
        }
    }

    /**
     * Sequences contiguous along the batch ('f'-order arrays, as DL4J's Bidirectional hands the
     * backward layer its time-reversed input): per step, bulk reads of one run of {@code batch}
     * values per feature into a heap tile, then one bulk write of the step's time-major block.
     */
    private static void copyBatchContiguousFloats(FloatBuffer layer, long featureStride, long stepStride,
                                                  FloatBuffer timeMajor, int batch, int steps, int features,
                                                  boolean intoTimeMajor, StepOrder order, int fromStep, int toStep) {
        float[] tile = new float[batch * features];
        float[] run = new float[batch];
        for (int t = fromStep; t < toStep; t++) {
            int block = t * batch * features;
            long step = order.step(0, t) * stepStride;
            if (intoTimeMajor) {
                for (int f = 0; f < features; f++) {
                    layer.get((int) (step + f * featureStride), run, 0, batch);
                    for (int b = 0, at = f; b < batch; b++, at += features) {
                        tile[at] = run[b];
                    }
                }
                timeMajor.put(block, tile, 0, tile.length);
            } else {
                timeMajor.get(block, tile, 0, tile.length);
                for (int f = 0; f < features; f++) {
                    for (int b = 0, at = f; b < batch; b++, at += features) {
                        run[b] = tile[at];
                    }
                    layer.put((int) (step + f * featureStride), run, 0, batch);
                }
            }
        }
    }
}
