package io.rnnsuite.common.recurrent;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies between DL4J's sequence layouts ({@code [batch, features, time]} NCW or
 * {@code [batch, time, features]} NWC, any strides) and the fast layers' time-major buffers
 * (row {@code t * batch + b}, features contiguous). Plain Java over the arrays' memory: ND4J's
 * permuted {@code assign} measured several milliseconds per copy at LSTM(128) B64 T100.
 */
final class Layouts {

    /** Features per block in the strided copy: one block's source lines stay in cache across steps. */
    private static final int BLOCK = 16;

    private Layouts() {
    }

    /** {@code sequences} (3-d, layer layout) into time-major {@code target}. */
    static void toTimeMajor(INDArray sequences, boolean nwc, Mem target) {
        copy(sequences, nwc, target, true);
    }

    /** Time-major {@code source} into {@code sequences} (3-d, layer layout). */
    static void fromTimeMajor(Mem source, INDArray sequences, boolean nwc) {
        copy(sequences, nwc, source, false);
    }

    private static void copy(INDArray sequences, boolean nwc, Mem timeMajor, boolean intoTimeMajor) {
        Mem layer = Mem.of(sequences);
        int batch = (int) sequences.size(0);
        int steps = (int) sequences.size(nwc ? 1 : 2);
        int features = (int) sequences.size(nwc ? 2 : 1);
        long[] stride = sequences.stride();
        long batchStride = stride[0];
        long stepStride = stride[nwc ? 1 : 2];
        long featureStride = stride[nwc ? 2 : 1];
        for (int b = 0; b < batch; b++) {
            for (int f0 = 0; f0 < features; f0 += BLOCK) {
                int f1 = Math.min(features, f0 + BLOCK);
                for (int t = 0; t < steps; t++) {
                    long row = ((long) t * batch + b) * features;
                    long at = b * batchStride + t * stepStride;
                    if (intoTimeMajor) {
                        for (int f = f0; f < f1; f++) {
                            timeMajor.set(row + f, layer.get(at + f * featureStride));
                        }
                    } else {
                        for (int f = f0; f < f1; f++) {
                            layer.set(at + f * featureStride, timeMajor.get(row + f));
                        }
                    }
                }
            }
        }
    }
}
