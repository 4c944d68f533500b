package io.rnnsuite.charlm.explain;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.layers.Gru;
import io.rnnsuite.layers.GruParamInitializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Re-runs a network's recurrent layers over a text by their cell equations, in plain Java double
 * arithmetic, from the trained parameters: so that the gates and the LSTM cell state, which the
 * network never outputs, can be shown, and the hidden states checked against the network's own.
 *
 * <p>Layouts (row vector times matrix, {@code x W + h RW + b}):
 * <ul>
 *   <li>LSTM (DL4J's and the fast one): {@code W [in, 4H]}, {@code RW [H, 4H]}, {@code b [4H]},
 *       blocks {@code [candidate | forget | output | input]};
 *       {@code c = f * c + i * tanh(a)}, {@code h = o * tanh(c)}, sigmoid gates;</li>
 *   <li>GRU ({@link GruParamInitializer}): blocks {@code [reset | update | candidate]},
 *       {@code n = tanh(x W_n + b_n + r * (h RW_n + rb_n))}, {@code h = (1 - z) n + z h};</li>
 *   <li>SimpleRnn: {@code h = tanh(x W + h RW + b)}.</li>
 * </ul>
 * Every layer starts from a zero state at the first character.
 */
public final class CellReplay {

    private CellReplay() {
    }

    /**
     * The traces of every recurrent layer (in order, up to the first non-recurrent layer) for the
     * one-hot text {@code symbols}.
     *
     * @throws UserInputException if a layer is not a plain SimpleRnn / LSTM / GRU with the standard activations
     */
    public static List<LayerTrace> run(MultiLayerNetwork net, int[] symbols) {
        List<LayerTrace> traces = new ArrayList<>();
        double[][] input = null; // null: the one-hot symbols
        for (int l = 0; l < net.getnLayers(); l++) {
            Layer conf = net.getLayerWiseConfigurations().getConf(l).getLayer();
            if (!(conf instanceof BaseRecurrentLayer)) {
                break;
            }
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(l);
            LayerTrace trace;
            if (conf instanceof LSTM lstm) {
                requireActivations(l, lstm.getGateActivationFn() instanceof ActivationSigmoid
                        && lstm.getActivationFn() instanceof ActivationTanH, "sigmoid gates and tanh");
                trace = lstm(layer, symbols, input);
            } else if (conf instanceof Gru) {
                trace = gru(layer, symbols, input);
            } else if (conf instanceof SimpleRnn rnn) {
                requireActivations(l, rnn.getActivationFn() instanceof ActivationTanH && !rnn.hasLayerNorm(),
                        "tanh without layer normalisation");
                trace = simpleRnn(layer, symbols, input);
            } else {
                throw new UserInputException("layer " + l + " is a " + conf.getClass().getSimpleName()
                        + ": only SimpleRnn, LSTM and GRU layers can be explained");
            }
            traces.add(trace);
            input = trace.hidden();
        }
        if (traces.isEmpty()) {
            throw new UserInputException("the network has no recurrent layer to explain");
        }
        return traces;
    }

    private static void requireActivations(int layer, boolean ok, String expected) {
        if (!ok) {
            throw new UserInputException("layer " + layer + " uses other activations than " + expected
                    + ": its cells cannot be re-run by the standard equations");
        }
    }

    private static LayerTrace lstm(org.deeplearning4j.nn.api.Layer layer, int[] symbols, double[][] input) {
        Params p = Params.of(layer, "W", "RW", "b", null);
        int h = p.hidden(4);
        int steps = steps(symbols, input);
        double[][] hidden = new double[steps][h];
        double[][] cells = new double[steps][h];
        double[][] forget = new double[steps][h];
        double[][] inputGate = new double[steps][h];
        double[][] output = new double[steps][h];
        double[] hPrev = new double[h];
        double[] cPrev = new double[h];
        for (int t = 0; t < steps; t++) {
            double[] z = p.project(symbols, input, t, hPrev);
            for (int j = 0; j < h; j++) {
                double a = Math.tanh(z[j]);
                double f = sigmoid(z[h + j]);
                double o = sigmoid(z[2 * h + j]);
                double i = sigmoid(z[3 * h + j]);
                double c = f * cPrev[j] + i * a;
                cells[t][j] = c;
                hidden[t][j] = o * Math.tanh(c);
                forget[t][j] = f;
                inputGate[t][j] = i;
                output[t][j] = o;
            }
            hPrev = hidden[t];
            cPrev = cells[t];
        }
        Map<String, double[][]> gates = new LinkedHashMap<>();
        gates.put("forget", forget);
        gates.put("input", inputGate);
        gates.put("output", output);
        return new LayerTrace("lstm", hidden, cells, gates);
    }

    private static LayerTrace gru(org.deeplearning4j.nn.api.Layer layer, int[] symbols, double[][] input) {
        Params p = Params.of(layer, GruParamInitializer.WEIGHT_KEY, GruParamInitializer.RECURRENT_WEIGHT_KEY,
                GruParamInitializer.BIAS_KEY, GruParamInitializer.RECURRENT_BIAS_KEY);
        int h = p.hidden(3);
        int steps = steps(symbols, input);
        double[][] hidden = new double[steps][h];
        double[][] update = new double[steps][h];
        double[][] reset = new double[steps][h];
        double[] hPrev = new double[h];
        for (int t = 0; t < steps; t++) {
            double[] x = p.inputPart(symbols, input, t);
            double[] rec = p.recurrentPart(hPrev);
            for (int j = 0; j < h; j++) {
                double r = sigmoid(x[j] + rec[j]);
                double u = sigmoid(x[h + j] + rec[h + j]);
                double n = Math.tanh(x[2 * h + j] + r * rec[2 * h + j]);
                hidden[t][j] = (1 - u) * n + u * hPrev[j];
                update[t][j] = u;
                reset[t][j] = r;
            }
            hPrev = hidden[t];
        }
        Map<String, double[][]> gates = new LinkedHashMap<>();
        gates.put("update", update);
        gates.put("reset", reset);
        return new LayerTrace("gru", hidden, null, gates);
    }

    private static LayerTrace simpleRnn(org.deeplearning4j.nn.api.Layer layer, int[] symbols, double[][] input) {
        Params p = Params.of(layer, "W", "RW", "b", null);
        int h = p.hidden(1);
        int steps = steps(symbols, input);
        double[][] hidden = new double[steps][h];
        double[] hPrev = new double[h];
        for (int t = 0; t < steps; t++) {
            double[] z = p.project(symbols, input, t, hPrev);
            for (int j = 0; j < h; j++) {
                hidden[t][j] = Math.tanh(z[j]);
            }
            hPrev = hidden[t];
        }
        return new LayerTrace("simple_rnn", hidden, null, Map.of());
    }

    private static int steps(int[] symbols, double[][] input) {
        return input == null ? symbols.length : input.length;
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** One layer's weights as plain arrays: {@code w [in][G·H]}, {@code rw [H][G·H]}, biases {@code [G·H]}. */
    private record Params(double[][] w, double[][] rw, double[] b, double[] rb) {

        static Params of(org.deeplearning4j.nn.api.Layer layer, String w, String rw, String b, String rb) {
            return new Params(matrix(layer.getParam(w)), matrix(layer.getParam(rw)), vector(layer.getParam(b)),
                    rb == null ? null : vector(layer.getParam(rb)));
        }

        private static double[][] matrix(INDArray array) {
            return array.toDoubleMatrix();
        }

        private static double[] vector(INDArray array) {
            return array.reshape(array.length()).toDoubleVector();
        }

        int hidden(int gates) {
            return b.length / gates;
        }

        /** {@code x W + b} at step {@code t}: one row of W for a one-hot symbol. */
        double[] inputPart(int[] symbols, double[][] input, int t) {
            double[] z = b.clone();
            if (input == null) {
                double[] row = w[symbols[t]];
                for (int k = 0; k < z.length; k++) {
                    z[k] += row[k];
                }
            } else {
                addProduct(input[t], w, z);
            }
            return z;
        }

        /** {@code h RW + rb} (rb only for the GRU). */
        double[] recurrentPart(double[] hPrev) {
            double[] z = rb == null ? new double[b.length] : rb.clone();
            addProduct(hPrev, rw, z);
            return z;
        }

        /** {@code x W + h RW + b}. */
        double[] project(int[] symbols, double[][] input, int t, double[] hPrev) {
            double[] z = inputPart(symbols, input, t);
            addProduct(hPrev, rw, z);
            return z;
        }

        private static void addProduct(double[] v, double[][] m, double[] into) {
            for (int i = 0; i < v.length; i++) {
                double vi = v[i];
                if (vi != 0) {
                    double[] row = m[i];
                    for (int k = 0; k < into.length; k++) {
                        into[k] += vi * row[k];
                    }
                }
            }
        }
    }
}
