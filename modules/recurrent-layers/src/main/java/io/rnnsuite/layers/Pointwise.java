package io.rnnsuite.layers;

/**
 * The element-wise part of each cell, fused: one pass over a time step's rows does what the
 * stock layers do in a dozen separate ND4J calls. Rows are consecutive ({@code rows} sequences of
 * one time step, time-major buffers); every {@code ...Offset} is the element index of row 0.
 * {@code mask} holds one value per row starting at {@code maskOffset} (1 = real step, 0 = padding),
 * or is {@code null} when every step is real.
 *
 * <p>Two implementations: {@link ScalarPointwise} (any JVM, float or double; the reference the
 * gradient checks run on) and {@code VectorPointwise} (float only, JDK Vector API, chosen when the
 * JVM was started with {@code --add-modules jdk.incubator.vector}). Tests hold them equal.
 */
interface Pointwise {

    /**
     * LSTM step forward in DL4J's gate layout {@code [a | f | o | i]} (block input, forget,
     * output, input gate; 4H columns). On entry {@code z} holds the pre-activations without bias;
     * on exit the activations. {@code c = f*cPrev + i*a}, {@code tc = tanh(c)},
     * {@code h = o*tc}; where masked, {@code c} and {@code h} are 0 (DL4J's semantics: a padded
     * step resets the state). {@code cPrev} may be null (zero state).
     */
    void lstmForward(int rows, int hidden, Mem z, long zOffset, Mem bias,
                     Mem cPrev, long cPrevOffset, Mem c, long cOffset, Mem tc, long tcOffset,
                     Mem h, long hOffset, double[] mask, int maskOffset);

    /**
     * LSTM step backward. {@code z} holds the step's activations on entry and the gradient with
     * respect to the pre-activations on exit. {@code dh} is dL/dh for this step (from above and
     * from the next step); {@code dc} is dL/dc from the next step on entry and dL/dcPrev on exit.
     */
    void lstmBackward(int rows, int hidden, Mem z, long zOffset, Mem cPrev, long cPrevOffset,
                      Mem tc, long tcOffset, Mem dh, long dhOffset, Mem dc, long dcOffset,
                      double[] mask, int maskOffset);

    /**
     * SimpleRnn step forward, in place: on entry {@code z} holds the pre-activations without bias
     * ({@code x W + hPrev RW}, H columns); on exit {@code h = mask * tanh(z + b)}. A padded step
     * outputs 0, which is also the state the next step starts from (DL4J's semantics).
     */
    void simpleRnnForward(int rows, int hidden, Mem z, long zOffset, Mem bias, double[] mask, int maskOffset);

    /**
     * SimpleRnn step backward, in place: {@code dh} holds dL/dh for this step (from above and from
     * the next step) on entry and dL/dz on exit, {@code mask * (1 - h^2) * dh}; {@code h} is the
     * step's output.
     */
    void simpleRnnBackward(int rows, int hidden, Mem h, long hOffset, Mem dh, long dhOffset,
                           double[] mask, int maskOffset);

    /**
     * GRU step forward ("reset after", gate blocks {@code [r | z | n]}, 3H columns). On entry
     * {@code gates} holds the input projections {@code x W} without bias and {@code recurrent} the
     * recurrent ones {@code hPrev RW} without bias (null with a zero state). On exit
     * {@code gates} holds the activations {@code r, z, n}, {@code hn} the recurrent part of the
     * candidate {@code hPrev RW_n + rb_n} (H columns) and
     * {@code h = mask * ((1 - z) * n + z * hPrev)}; a padded step outputs 0 and so resets the
     * state. {@code hPrev} may be null (zero state).
     */
    void gruForward(int rows, int hidden, Mem gates, long gatesOffset, Mem bias,
                    Mem recurrent, long recurrentOffset, Mem recurrentBias, Mem hPrev, long hPrevOffset,
                    Mem hn, long hnOffset, Mem h, long hOffset, double[] mask, int maskOffset);

    /**
     * GRU step backward. On entry {@code gates} and {@code hn} hold what {@link #gruForward} left
     * and {@code dh} dL/dh for this step. On exit {@code gates} holds the gradient with respect to
     * the input-side pre-activations {@code [dr | dz | dn]} and {@code hn} the recurrent-side
     * gradient of the candidate block, {@code dn * r} (the recurrent-side r and z blocks equal the
     * input-side ones); the direct path {@code mask * dh * z} is added to {@code dhPrev} unless it
     * is null (first step backpropagated).
     */
    void gruBackward(int rows, int hidden, Mem gates, long gatesOffset, Mem hn, long hnOffset,
                     Mem hPrev, long hPrevOffset, Mem dh, long dhOffset, Mem dhPrev, long dhPrevOffset,
                     double[] mask, int maskOffset);

    /**
     * Adam's step over {@code n} elements, in DL4J's form and order of operations:
     * {@code m = beta1 * m + g * (1 - beta1)}, {@code v = beta2 * v + g * g * (1 - beta2)}, then
     * the update {@code m * stepSize / (sqrt(v) + epsilon)} written over the gradient {@code g};
     * {@code stepSize} is the bias-corrected learning rate. No fused multiply-adds, so the two
     * implementations agree to the bit.
     */
    void adam(int n, Mem g, long gOffset, Mem m, long mOffset, Mem v, long vOffset,
              double beta1, double beta2, double stepSize, double epsilon);

    /**
     * Softmax cross-entropy of rows {@code from..to} of {@code z} ({@code n} columns, row {@code r}
     * at element {@code r * n}) against one-hot labels: {@code label[r]} is row r's labelled
     * column, or -1 for a row without one. With {@code p = softmax(z_r)} and {@code m} the row's
     * mask value ({@code mask[r * maskStride]}, 1 when {@code mask} is null), returns the sum of
     * {@code -m * log(clip(p[label]))}, {@code clip} keeping {@code p} in {@code [clip, 1 - clip]}
     * (DL4J's score, unclipped when {@code clip} is 0), and when {@code d} is given writes
     * {@code m * (p - y)} there, in the same layout (DL4J's gradient).
     */
    double softmaxCrossEntropy(int from, int to, int n, Mem z, int[] label, double clip, Mem mask, long maskStride, Mem d);

    /** Rows {@code from..to} of {@code z} ({@code n} columns, row r at element r * n) replaced by their softmax. */
    void softmax(int from, int to, int n, Mem z);

    /** The sum of the squares of {@code n} elements from {@code offset}: a squared L2 norm. */
    double sumOfSquares(int n, Mem x, long offset);

    /** The implementation for this element type: vectorised for float when the JVM allows it. */
    static Pointwise forType(boolean isDouble) {
        return isDouble ? ScalarPointwise.INSTANCE : VectorSupport.floatPointwise();
    }
}
