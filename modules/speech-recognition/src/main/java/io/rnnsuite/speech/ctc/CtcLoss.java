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

    static Sequence[] sequences(INDArray labels, INDArray mask) {
        // one bulk copy each instead of a getDouble per element: rows × classes calls cost more than the recursions
        float[][] l = labels.castTo(DataType.FLOAT).toFloatMatrix();
        float[] m = mask == null ? null : mask.castTo(DataType.FLOAT).reshape(mask.length()).toFloatVector();
        int rows = l.length;
        int classes = l[0].length;
        int batch = 0;
        for (int r = 0; r < rows && l[r][CtcMath.BLANK] > 0.5; r++) {
            batch++;
        }
        if (batch == 0 || rows % batch != 0) {
            throw new IllegalStateException("CTC labels must be encoded with CtcLoss.encodeLabels");
        }
        int frames = rows / batch;
        Sequence[] out = new Sequence[batch];
        for (int b = 0; b < batch; b++) {
            int length = 0;
            while (length < frames && (m == null || m[b + batch * length] > 0)) {
                length++;
            }
            int[] r = new int[length];
            java.util.List<Integer> target = new java.util.ArrayList<>();
            for (int t = 0; t < length; t++) {
                r[t] = b + batch * t;
                for (int k = 0; k < classes; k++) {
                    if (k != CtcMath.BLANK && l[r[t]][k] > 0.5) {
                        target.add(k);
                    }
                }
            }
            out[b] = new Sequence(r, target.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static void requireSoftmax(IActivation activation) {
        if (!(activation instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("CtcLoss needs a softmax output layer, got " + activation);
        }
    }

    /** Per-sequence losses and the gradient {@code [rows][classes]} with respect to the pre-softmax values. */
    private Pair<double[], INDArray> compute(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        requireSoftmax(activation);
        double[][] logits = preOutput.castTo(DataType.DOUBLE).toDoubleMatrix();
        Sequence[] sequences = sequences(labels, mask);
        double[] losses = new double[sequences.length];
        double[][] gradient = new double[logits.length][logits[0].length];
        for (int b = 0; b < sequences.length; b++) {
            Sequence s = sequences[b];
            double[][] x = new double[s.rows().length][];
            for (int t = 0; t < x.length; t++) {
                x[t] = logits[s.rows()[t]];
            }
            CtcMath.Result r = CtcMath.lossAndGradient(x, s.target());
            losses[b] = r.loss();
            for (int t = 0; t < x.length; t++) {
                gradient[s.rows()[t]] = r.gradient()[t];
            }
        }
        return Pair.of(losses, Nd4j.create(gradient).castTo(preOutput.dataType()));
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
