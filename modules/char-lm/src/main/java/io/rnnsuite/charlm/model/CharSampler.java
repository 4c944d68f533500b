package io.rnnsuite.charlm.model;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.layers.FastStepper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Generates text one character at a time: constant work per character, the prefix is never
 * re-run. The unknown symbol is never drawn. Where the network is made of rnn-suite's fast
 * layers, a {@link FastStepper} feeds the prime and each drawn character as single steps without
 * DL4J's per-call work; otherwise the network's state is cleared, the prime is fed once as a
 * sequence through {@code rnnTimeStep} and each drawn character as a single step. Both give the
 * same distributions (to float rounding).
 */
public final class CharSampler {

    private final MultiLayerNetwork net;
    private final CharVocabulary vocabulary;
    /** Null where the network needs {@code rnnTimeStep}. */
    private final FastStepper stepper;

    public CharSampler(MultiLayerNetwork net, CharVocabulary vocabulary) {
        this(net, vocabulary, true);
    }

    /**
     * @param useStepper step with a {@link FastStepper} where the network allows one; false: always
     *                   through {@code rnnTimeStep} (the reference path)
     */
    public CharSampler(MultiLayerNetwork net, CharVocabulary vocabulary, boolean useStepper) {
        this.net = net;
        this.vocabulary = vocabulary;
        this.stepper = useStepper ? FastStepper.of(net)
                .filter(s -> s.inputSize() == vocabulary.size() && s.outputSize() == vocabulary.size())
                .orElse(null) : null;
    }

    /**
     * Unit {@code unit}'s output in recurrent layer {@code layer} after the last step of the sampling
     * in progress (read from within the {@code sink} of {@link #sample}), or {@code null} where the
     * layer or unit does not exist or nothing has been stepped.
     */
    public Double activation(int layer, int unit) {
        if (stepper != null) {
            if (layer < 0 || layer >= stepper.recurrentLayers() || unit < 0) {
                return null;
            }
            try {
                return stepper.output(layer, unit);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        Map<String, INDArray> state = net.rnnGetPreviousState(layer);
        if (state == null || state.isEmpty()) {
            return null;
        }
        INDArray h = state.getOrDefault("prevAct", state.values().iterator().next());
        float[] values = h.dup('c').data().asFloat();
        return unit < values.length ? (double) values[unit] : null;
    }

    /** Whether characters are drawn through a {@link FastStepper} rather than {@code rnnTimeStep}. */
    public boolean stepsWithoutDl4j() {
        return stepper != null;
    }

    /**
     * Draws {@code options.length()} characters after {@code prime}, handing each to {@code sink} as
     * soon as it exists, and returns them all (without the prime).
     *
     * @throws UserInputException if the prime is empty or holds characters the vocabulary lacks
     */
    public synchronized String sample(String prime, SamplingOptions options, Consumer<String> sink) {
        int[] primed = encodePrime(prime);
        Random random = new Random(options.seed());
        StringBuilder generated = new StringBuilder(options.length());
        if (stepper != null) {
            stepper.reset();
            double[] next = new double[vocabulary.size()];
            for (int symbol : primed) {
                stepper.stepSymbol(symbol, next);
            }
            for (int i = 0; i < options.length(); i++) {
                int symbol = draw(next, options, random);
                String text = vocabulary.symbol(symbol);
                generated.append(text);
                sink.accept(text);
                stepper.stepSymbol(symbol, next);
            }
            return generated.toString();
        }
        net.rnnClearPreviousState();
        try {
            double[] next = lastStep(net.rnnTimeStep(OneHot.sequence(primed, vocabulary.size())));
            for (int i = 0; i < options.length(); i++) {
                int symbol = draw(next, options, random);
                String text = vocabulary.symbol(symbol);
                generated.append(text);
                sink.accept(text);
                next = lastStep(net.rnnTimeStep(OneHot.sequence(new int[] {symbol}, vocabulary.size())));
            }
        } finally {
            net.rnnClearPreviousState();
        }
        return generated.toString();
    }

    /**
     * The distribution of the character after {@code symbols}, from the zero state; the state
     * after them stays, for {@link #continueWith} (what predictive text input does: score the
     * text, then follow one completion a character at a time). {@link #clearState()} ends it.
     */
    public synchronized double[] startFrom(int[] symbols) {
        if (symbols.length == 0) {
            throw new IllegalArgumentException("at least one symbol is needed");
        }
        if (stepper != null) {
            stepper.reset();
            double[] next = new double[vocabulary.size()];
            for (int symbol : symbols) {
                stepper.stepSymbol(symbol, next);
            }
            return next;
        }
        net.rnnClearPreviousState();
        return lastStep(net.rnnTimeStep(OneHot.sequence(symbols, vocabulary.size())));
    }

    /** The distribution of the character after {@code symbol}, which follows what was fed since {@link #startFrom}. */
    public synchronized double[] continueWith(int symbol) {
        if (stepper != null) {
            double[] next = new double[vocabulary.size()];
            stepper.stepSymbol(symbol, next);
            return next;
        }
        return lastStep(net.rnnTimeStep(OneHot.sequence(new int[] {symbol}, vocabulary.size())));
    }

    /** Forgets the state of {@link #startFrom} (the network's own {@code rnnTimeStep} state included). */
    public synchronized void clearState() {
        if (stepper != null) {
            stepper.reset();
        } else {
            net.rnnClearPreviousState();
        }
    }

    /**
     * The prime as indices.
     *
     * @throws UserInputException if it is empty or holds characters the vocabulary lacks (all named)
     */
    public int[] encodePrime(String prime) {
        if (prime == null || prime.isEmpty()) {
            throw new UserInputException("--prime must hold at least one character");
        }
        Set<String> missing = vocabulary.unknownCharacters(prime);
        if (!missing.isEmpty()) {
            throw new UserInputException("--prime contains " + missing.size() + " character(s) the model never saw in training: "
                    + missing.stream().map(CharVocabulary::describe).collect(Collectors.joining(", "))
                    + " (the vocabulary has " + (vocabulary.size() - 1) + " characters; rephrase the prime)");
        }
        return vocabulary.encode(prime);
    }

    /** The distribution after the last step of an output {@code [1, vocabulary, T]}. */
    public static double[] lastStep(INDArray output) {
        long last = output.size(2) - 1;
        return output.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(last)).toDoubleVector();
    }

    /**
     * One draw from {@code probabilities} sharpened by the temperature and cut to the top k, UNK
     * excluded. Works in log space so tiny temperatures reduce to argmax instead of overflowing.
     */
    static int draw(double[] probabilities, SamplingOptions options, Random random) {
        int n = probabilities.length;
        double[] logits = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            logits[v] = v == CharVocabulary.UNK || probabilities[v] <= 0
                    ? Double.NEGATIVE_INFINITY : Math.log(probabilities[v]) / options.temperature();
            max = Math.max(max, logits[v]);
        }
        if (options.topK() > 0 && options.topK() < n) {
            double[] sorted = logits.clone();
            Arrays.sort(sorted);
            double threshold = sorted[n - options.topK()];
            for (int v = 0; v < n; v++) {
                if (logits[v] < threshold) {
                    logits[v] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        double[] weights = new double[n];
        double total = 0;
        for (int v = 0; v < n; v++) {
            weights[v] = Math.exp(logits[v] - max);
            total += weights[v];
        }
        double u = random.nextDouble() * total;
        int lastPositive = -1;
        for (int v = 0; v < n; v++) {
            if (weights[v] > 0) {
                lastPositive = v;
                u -= weights[v];
                if (u < 0) {
                    return v;
                }
            }
        }
        return lastPositive;
    }
}
