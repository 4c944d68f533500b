package io.rnnsuite.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A pass whose input rows are one-hot vectors (characters or words fed as symbols: the char-LM's
 * first layer, the translator's encoder) needs no input product: {@code X W^T} is one column of
 * {@code W} per row, and the input-weight gradient {@code dZ^T X} is, per symbol, the sum of the
 * rows of {@code dZ} that read it. {@link #symbols} finds such rows (one 1, every other entry 0;
 * an all-zero row, as padding gives, reads no symbol); {@link #project} and {@link #weightGradient}
 * replace the two products for them.
 *
 * <p>The projection is exactly the product's (a one-hot product adds only exact zeros to the
 * picked weight). The gradient sums the same terms in row order instead of BLAS's order, so it may
 * differ from the product's in the last bits; it repeats bit for bit run after run. Measured on
 * the char-LM's default model (108 symbols, 2-layer LSTM(128), batch 32), the first layer's two
 * products were about a tenth of a training step's work (docs/results/performance.md).
 */
final class OneHotRows {

    /** Narrower inputs are left to the product: it is cheap there, and few inputs are symbols. */
    static final int MIN_INPUTS = 8;
    /** The symbol of a row with no 1 in it. */
    static final int NONE = -1;

    /** The environment variable that switches the shortcut off when set to {@code off} (for measurements). */
    static final String ENVIRONMENT = "RNN_SUITE_ONE_HOT";

    private static volatile boolean enabled = !"off".equalsIgnoreCase(String.valueOf(System.getenv(ENVIRONMENT)).trim());
    /** Passes projected this way so far (tests check that a case they mean to take the shortcut took it). */
    private static final java.util.concurrent.atomic.AtomicLong PROJECTIONS = new java.util.concurrent.atomic.AtomicLong();

    private OneHotRows() {
    }

    /**
     * The symbol each of {@code rows} rows of {@code x} (row-major, {@code inputs} wide) reads, or
     * {@link #NONE} for an all-zero row; null when any row is not one-hot (the scan stops at the
     * first such entry), when {@code inputs < MIN_INPUTS} or when switched off.
     */
    static int[] symbols(Mem x, int rows, int inputs) {
        if (!enabled || inputs < MIN_INPUTS || rows == 0) {
            return null;
        }
        int[] symbols = new int[rows];
        for (int r = 0; r < rows; r++) {
            long base = (long) r * inputs;
            int symbol = NONE;
            for (int k = 0; k < inputs; k++) {
                double v = x.floats != null ? x.floats.get((int) (base + k)) : x.get(base + k);
                if (v == 0) {
                    continue;
                }
                if (v != 1 || symbol != NONE) {
                    return null;
                }
                symbol = k;
            }
            symbols[r] = symbol;
        }
        return symbols;
    }

    /**
     * Whether {@link #symbolsInLayout} reads {@code sequences} (3-d, layer layout) where it lies:
     * floats with each feature's steps contiguous (DL4J's default NCW c order, as the char-LM's
     * and the translator's one-hot batches come), wide enough for the shortcut, and it switched on.
     * Then a pass needs no time-major copy of one-hot input at all.
     */
    static boolean scansInLayout(INDArray sequences, boolean nwc) {
        return enabled && !nwc && sequences.dataType() == DataType.FLOAT && sequences.size(1) >= MIN_INPUTS
                && sequences.stride(2) == 1 && sequences.size(0) * sequences.size(2) > 0;
    }

    /**
     * As {@link #symbols}, read from {@code sequences} in the layer's layout (where
     * {@link #scansInLayout}): row {@code t * batch + b} is step {@code order.step(b, t)} of
     * sequence b. Each feature's steps are read in one contiguous run; null as soon as an entry is
     * neither 0 nor 1 or a step has two 1s.
     */
    static int[] symbolsInLayout(INDArray sequences, StepOrder order) {
        int batch = (int) sequences.size(0);
        int inputs = (int) sequences.size(1);
        int steps = (int) sequences.size(2);
        long batchStride = sequences.stride(0);
        long featureStride = sequences.stride(1);
        java.nio.FloatBuffer floats = Mem.of(sequences).floats;
        int[] bySequence = new int[steps];
        int[] symbols = new int[batch * steps];
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(bySequence, NONE);
            for (int k = 0; k < inputs; k++) {
                int at = (int) (b * batchStride + k * featureStride);
                for (int t = 0; t < steps; t++) {
                    float v = floats.get(at + t);
                    if (v == 0) {
                        continue;
                    }
                    if (v != 1 || bySequence[t] != NONE) {
                        return null;
                    }
                    bySequence[t] = k;
                }
            }
            for (int t = 0; t < steps; t++) {
                symbols[t * batch + b] = bySequence[order.step(b, t)];
            }
        }
        return symbols;
    }

    /**
     * {@code Z = X W^T} for one-hot rows: row r of {@code z} ({@code width} wide, from element 0)
     * becomes column {@code symbols[r]} of {@code w} (row-major {@code [width, inputs]}, DL4J's
     * 'f'-order {@code [inputs, width]} weights), or zeros.
     */
    static void project(int[] symbols, Mem w, int width, int inputs, Mem z) {
        PROJECTIONS.incrementAndGet();
        if (z.floats != null && w.floats != null) {
            float[] columns = new float[inputs * width]; // W^T: each symbol's weights contiguous
            for (int j = 0; j < width; j++) {
                for (int s = 0; s < inputs; s++) {
                    columns[s * width + j] = w.floats.get(j * inputs + s);
                }
            }
            float[] zeros = new float[width];
            for (int r = 0; r < symbols.length; r++) {
                int s = symbols[r];
                z.floats.put(r * width, s == NONE ? zeros : columns, s == NONE ? 0 : s * width, width);
            }
            return;
        }
        for (int r = 0; r < symbols.length; r++) {
            int s = symbols[r];
            long row = (long) r * width;
            for (int j = 0; j < width; j++) {
                z.set(row + j, s == NONE ? 0 : w.get((long) j * inputs + s));
            }
        }
    }

    /**
     * {@code gw = dZ^T X} over rows {@code firstRow..} for one-hot rows: column s of {@code gw}
     * (row-major {@code [width, inputs]}, overwritten) is the sum of the rows of {@code dz}
     * ({@code width} wide, from element 0) whose symbol is s, added in row order.
     */
    static void weightGradient(int[] symbols, int firstRow, Mem dz, int width, int inputs, Mem gw) {
        if (dz.floats != null && gw.floats != null) {
            // columns of dZ shared between the cores: each sums its columns of every row
            RowSplit.run(width, (long) (symbols.length - firstRow) * Layouts.COPY_COST, (from, to) -> {
                int columns = to - from;
                float[] sums = new float[inputs * columns];
                float[] row = new float[columns];
                for (int r = firstRow; r < symbols.length; r++) {
                    int s = symbols[r];
                    if (s == NONE) {
                        continue;
                    }
                    dz.floats.get(r * width + from, row, 0, columns);
                    int base = s * columns;
                    for (int j = 0; j < columns; j++) {
                        sums[base + j] += row[j];
                    }
                }
                for (int j = 0; j < columns; j++) {
                    for (int s = 0; s < inputs; s++) {
                        gw.floats.put((from + j) * inputs + s, sums[s * columns + j]);
                    }
                }
            });
            return;
        }
        double[] sums = new double[inputs * width];
        for (int r = firstRow; r < symbols.length; r++) {
            int s = symbols[r];
            if (s == NONE) {
                continue;
            }
            for (int j = 0; j < width; j++) {
                sums[s * width + j] += dz.get((long) r * width + j);
            }
        }
        for (int j = 0; j < width; j++) {
            for (int s = 0; s < inputs; s++) {
                gw.set((long) j * inputs + s, sums[s * width + j]);
            }
        }
    }

    /** How many passes were projected this way since the class loaded. */
    static long projections() {
        return PROJECTIONS.get();
    }

    /** Switches the shortcut off (and on again): for tests and measurements that compare with the products. */
    static void setEnabled(boolean on) {
        enabled = on;
    }
}
