package io.rnnsuite.common.recurrent;

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

    /** The implementation for this element type: vectorised for float when the JVM allows it. */
    static Pointwise forType(boolean isDouble) {
        return isDouble ? ScalarPointwise.INSTANCE : VectorSupport.floatPointwise();
    }
}
