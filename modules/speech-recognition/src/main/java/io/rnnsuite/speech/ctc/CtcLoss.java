package io.rnnsuite.speech.ctc;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * CTC as a DL4J loss function for an {@code RnnOutputLayer} with softmax activation, so a CTC model
 * is an ordinary {@code MultiLayerNetwork} trained by the shared trainer.
 *
 * <p>How the targets travel through DL4J's per-frame labels ({@link #encodeLabels}): the label array
 * of a sequence has the frame length; its row t &lt; U holds a one-hot of the t-th target label (≥ 1),
 * and the blank column of frame 0 holds a 1 marking where the sequence starts. The output layer hands
 * the loss 2-d arrays, frames of all sequences interleaved ({@code row = b + batch·t}); the markers
 * give the batch size, the label mask (= the feature mask) each sequence's length.
 */
public final class CtcLoss implements ILossFunction {

    /** Index of the blank label (serialised with the network, so a saved model says which it used). */
    public int blank = CtcMath.BLANK;

    /** Per-frame labels {@code [classes][frames]} carrying {@code target} for a sequence of {@code frames} frames. */
    public static float[][] encodeLabels(int[] target, int classes, int frames) {
        if (target.length > frames) {
            throw new IllegalArgumentException("a target of " + target.length + " labels does not fit " + frames + " frames");
        }
        float[][] labels = new float[classes][frames];
        labels[CtcMath.BLANK][0] = 1;
        for (int u = 0; u < target.length; u++) {
            labels[target[u]][u] = 1;
        }
        return labels;
    }

    /** Sequences of a 2-d batch: per sequence its frames' row indices (masked frames left out) and its target. */
    record Sequence(int[] rows, int[] target) {
    }

    /** The sequences of {@code labels} ({@code [rows][classes]}) under {@code mask} ({@code [rows]} or null). */
    static Sequence[] sequences(INDArray labels, INDArray mask) {
        return sequences(flat(labels), (int) labels.columns(), mask == null ? null : flat(mask));
    }

    /**
     * The same from row-major copies: {@code labels[r * classes + k]}, {@code mask[r]}. (One bulk copy
     * of each array; a view or a {@code getDouble} per row or element allocates far more than the
     * recursions do and costs more time.)
     */
    static Sequence[] sequences(double[] labels, int classes, double[] mask) {
        int rows = labels.length / classes;
        int batch = 0;
        for (int r = 0; r < rows && labels[r * classes + CtcMath.BLANK] > 0.5; r++) {
            batch++;
        }
        if (batch == 0 || rows % batch != 0) {
            throw new IllegalStateException("CTC labels must be encoded with CtcLoss.encodeLabels");
        }
        int frames = rows / batch;
        Sequence[] out = new Sequence[batch];
        for (int b = 0; b < batch; b++) {
            int length = 0;
            while (length < frames && (mask == null || mask[b + batch * length] > 0)) {
                length++;
            }
            int[] r = new int[length];
            int[] target = new int[length];
            int labelled = 0;
            for (int t = 0; t < length; t++) {
                r[t] = b + batch * t;
                for (int k = 0; k < classes; k++) {
                    if (k != CtcMath.BLANK && labels[r[t] * classes + k] > 0.5) {
                        target[labelled++] = k;
                    }
                }
            }
            out[b] = new Sequence(r, java.util.Arrays.copyOf(target, labelled));
        }
        return out;
    }

    /** A row-major copy of {@code array}'s values. */
    private static double[] flat(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static void requireSoftmax(IActivation activation) {
        if (!(activation instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("CtcLoss needs a softmax output layer, got " + activation);
        }
    }

    /**
     * The last batch's inputs and results. DL4J's output layer asks for the score and then, with a
     * fresh copy of the same pre-activations, for the gradient of the same batch; the second request
     * is answered from here instead of running the forward–backward recursions again. Never serialised.
     */
    private transient volatile Computed last;

    private record Computed(double[] logits, double[] labels, double[] mask, double[] losses, double[] gradient) {
        boolean sameInputs(double[] otherLogits, double[] otherLabels, double[] otherMask) {
            return java.util.Arrays.equals(logits, otherLogits) && java.util.Arrays.equals(labels, otherLabels)
                    && java.util.Arrays.equals(mask, otherMask);
        }
    }

    /** Per-sequence losses and the gradient {@code [rows][classes]} with respect to the pre-softmax values. */
    private Pair<double[], INDArray> compute(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        requireSoftmax(activation);
        int rows = (int) preOutput.rows();
        int classes = (int) preOutput.columns();
        double[] logits = flat(preOutput);
        double[] l = flat(labels);
        double[] m = mask == null ? null : flat(mask);
        Computed previous = last;
        if (previous != null && previous.sameInputs(logits, l, m)) {
            return Pair.of(previous.losses().clone(), gradientArray(previous.gradient(), rows, classes, preOutput));
        }
        Sequence[] sequences = sequences(l, classes, m);
        double[] losses = new double[sequences.length];
        double[] gradient = new double[rows * classes];
        for (int b = 0; b < sequences.length; b++) {
            Sequence s = sequences[b];
            double[][] x = new double[s.rows().length][];
            for (int t = 0; t < x.length; t++) {
                x[t] = java.util.Arrays.copyOfRange(logits, s.rows()[t] * classes, (s.rows()[t] + 1) * classes);
            }
            CtcMath.Result r = CtcMath.lossAndGradient(x, s.target());
            losses[b] = r.loss();
            for (int t = 0; t < x.length; t++) {
                System.arraycopy(r.gradient()[t], 0, gradient, s.rows()[t] * classes, classes);
            }
        }
        last = new Computed(logits, l, m, losses, gradient);
        return Pair.of(losses.clone(), gradientArray(gradient, rows, classes, preOutput));
    }

    private static INDArray gradientArray(double[] gradient, int rows, int classes, INDArray like) {
        return Nd4j.create(gradient, new long[] {rows, classes}, 'c').castTo(like.dataType());
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double[] losses = compute(labels, preOutput, activationFn, mask).getFirst();
        double sum = java.util.Arrays.stream(losses).sum();
        return average ? sum / losses.length : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        double[] losses = compute(labels, preOutput, activationFn, mask).getFirst();
        return Nd4j.create(losses, new long[] {losses.length, 1}).castTo(preOutput.dataType());
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return compute(labels, preOutput, activationFn, mask).getSecond();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        Pair<double[], INDArray> both = compute(labels, preOutput, activationFn, mask);
        double sum = java.util.Arrays.stream(both.getFirst()).sum();
        return Pair.of(average ? sum / both.getFirst().length : sum, both.getSecond());
    }

    @Override
    public String name() {
        return "ctc";
    }

    @Override
    public String toString() {
        return "CtcLoss(blank=" + blank + ")";
    }
}
