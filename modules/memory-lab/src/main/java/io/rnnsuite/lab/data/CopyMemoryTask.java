package io.rnnsuite.lab.data;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The copy-memory task (Hochreiter &amp; Schmidhuber 1997; layout of Arjovsky et al. 2016). A
 * sequence of {@code T + 20} steps holds {@value #SYMBOLS_TO_COPY} symbols drawn from an alphabet
 * of {@value #ALPHABET}, then {@code T - 1} blanks, a delimiter, and {@value #SYMBOLS_TO_COPY}
 * more blanks; the network must output blanks until the delimiter has passed, then the
 * {@value #SYMBOLS_TO_COPY} symbols in order.
 *
 * <p>Baseline: a predictor that knows the layout but not the symbols outputs "blank" with
 * certainty for the first {@code T + 10} steps (loss 0) and a uniform guess over the alphabet for
 * the last {@value #SYMBOLS_TO_COPY} (loss ln 8 each), so its mean cross-entropy per step is
 * exactly {@code 10 · ln 8 / (T + 20)}.
 *
 * <p>Inputs are one-hot over {@value #INPUT_CHANNELS} channels: symbols 0–7, blank (8) and
 * delimiter (9). Outputs are a softmax over {@value #OUTPUT_CLASSES} classes: symbols 0–7 and blank.
 */
public final class CopyMemoryTask implements MemoryTask {

    public static final int ALPHABET = 8;
    public static final int SYMBOLS_TO_COPY = 10;
    public static final int BLANK = ALPHABET;
    public static final int DELIMITER = ALPHABET + 1;
    public static final int INPUT_CHANNELS = ALPHABET + 2;
    public static final int OUTPUT_CLASSES = ALPHABET + 1;

    /** Steps in a sequence for delay {@code T}: the symbols, the delay, the recall span. */
    public static int sequenceLength(int delay) {
        return delay + 2 * SYMBOLS_TO_COPY;
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public String lossName() {
        return "cross-entropy/step";
    }

    @Override
    public double baselineLoss(int delay) {
        return SYMBOLS_TO_COPY * Math.log(ALPHABET) / sequenceLength(delay);
    }

    @Override
    public String baselineFormula() {
        return "10 · ln 8 / (T + 20) nats per step (blanks known for certain, then a uniform guess over 8 symbols)";
    }

    @Override
    public MultiDataSet batch(int count, int delay, Random random) {
        if (delay < 1) {
            throw new IllegalArgumentException("the copy task needs a delay of at least 1, got " + delay);
        }
        int length = sequenceLength(delay);
        float[][][] features = new float[count][INPUT_CHANNELS][length];
        float[][][] labels = new float[count][OUTPUT_CLASSES][length];
        int delimiterStep = SYMBOLS_TO_COPY + delay - 1;
        for (int n = 0; n < count; n++) {
            int[] symbols = new int[SYMBOLS_TO_COPY];
            for (int i = 0; i < SYMBOLS_TO_COPY; i++) {
                symbols[i] = random.nextInt(ALPHABET);
            }
            for (int t = 0; t < length; t++) {
                int input = t < SYMBOLS_TO_COPY ? symbols[t] : t == delimiterStep ? DELIMITER : BLANK;
                int recall = t - (length - SYMBOLS_TO_COPY);
                int target = recall >= 0 ? symbols[recall] : BLANK;
                features[n][input][t] = 1f;
                labels[n][target][t] = 1f;
            }
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(Nd4j.create(features), Nd4j.create(labels));
    }

    @Override
    public MultiLayerNetwork network(RecurrentSpec spec, long seed, double learningRate, double clipNorm) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(seed, learningRate, clipNorm).list();
        for (Layer layer : RecurrentLayerFactory.sequenceLayers(spec, INPUT_CHANNELS)) {
            list.layer(layer);
        }
        list.layer(RecurrentLayerFactory.sequenceOutput(spec.impl(), LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX).nIn(spec.outputSize()).nOut(OUTPUT_CLASSES).build());
        list.setInputType(InputType.recurrent(INPUT_CHANNELS));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Cross-entropy of the layout-aware guess ({@link #layoutAwareGuess}) on {@code data}. */
    @Override
    public double measuredBaseline(MultiDataSet data) {
        INDArray labels = data.getLabels(0);
        return crossEntropyPerStep(layoutAwareGuess((int) labels.size(0), (int) labels.size(2)), labels);
    }

    /**
     * The baseline predictor's output: certainty of "blank" until the recall span, then 1/8 on each
     * symbol, shaped [count, classes, length].
     */
    public static INDArray layoutAwareGuess(int count, int length) {
        INDArray guess = Nd4j.zeros(DataType.DOUBLE, count, OUTPUT_CLASSES, length);
        int recallStart = length - SYMBOLS_TO_COPY;
        guess.get(NDArrayIndex.all(), NDArrayIndex.point(BLANK), NDArrayIndex.interval(0, recallStart)).assign(1.0);
        guess.get(NDArrayIndex.all(), NDArrayIndex.interval(0, ALPHABET), NDArrayIndex.interval(recallStart, length))
                .assign(1.0 / ALPHABET);
        return guess;
    }

    /** Mean cross-entropy per step in nats, over every example and step. */
    @Override
    public double loss(MultiLayerNetwork network, MultiDataSet data) {
        return crossEntropyPerStep(network.output(data.getFeatures(0), false), data.getLabels(0));
    }

    /** {@code -mean log p(target)} over every example and step of one-hot {@code labels} [batch, classes, steps]. */
    public static double crossEntropyPerStep(INDArray probabilities, INDArray labels) {
        INDArray logP = Transforms.log(Transforms.max(probabilities.castTo(DataType.DOUBLE), 1e-12), false);
        long steps = labels.size(0) * labels.size(2);
        return -logP.mul(labels.castTo(DataType.DOUBLE)).sumNumber().doubleValue() / steps;
    }
}
