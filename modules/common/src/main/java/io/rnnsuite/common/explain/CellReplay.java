package io.rnnsuite.common.explain;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.layers.Gru;
import io.rnnsuite.layers.GruParamInitializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BidirectionalParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Re-runs a network's recurrent layers over one sequence by their cell equations, in plain Java
 * double arithmetic, from the trained parameters: so that the gates and the LSTM cell state, which
 * the network never outputs, can be shown, and the hidden states checked against the network's own.
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
 * A layer wrapped in {@code LastTimeStep} is re-run at every step (the wrapper only picks the last
 * one); a {@code Bidirectional} (CONCAT) layer runs its backward half over the reversed sequence
 * and puts both halves side by side, forward first, as its output does. Every layer starts from a
 * zero state at the first step. The layers are replayed from the first recurrent one up to the
 * first layer after it that is not recurrent.
 */
public final class CellReplay {

    private CellReplay() {
    }

    /**
     * The traces of the recurrent layers for one sequence of symbols read one-hot by layer 0 (a
     * character model): {@code symbols[t]} selects the row of the first layer's input weights.
     *
     * @throws UserInputException if layer 0 is not recurrent, or a layer is not a plain SimpleRnn / LSTM / GRU
     */
    public static List<LayerTrace> run(MultiLayerNetwork net, int[] symbols) {
        return replay(net, 0, new StepInput(symbols, null));
    }

    /**
     * The traces of the recurrent layers for one sequence of network input {@code features}
     * ({@code [1, size, steps]}): the layers before the first recurrent one (an embedding, say) are
     * run by DL4J itself, inference mode, and their output is the replay's input.
     *
     * @throws UserInputException if the network has no recurrent layer, or one is not a plain SimpleRnn / LSTM / GRU
     */
    public static List<LayerTrace> run(MultiLayerNetwork net, INDArray features) {
        int first = firstRecurrentLayer(net);
        if (first < 0) {
            throw new UserInputException("the network has no recurrent layer to explain");
        }
        INDArray input = features;
        if (first > 0) {
            List<INDArray> activations = net.feedForwardToLayer(first - 1, features, false);
            input = activations.get(activations.size() - 1);
        }
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(first);
        if (pre != null) {
            input = pre.preProcess(input, 1, LayerWorkspaceMgr.noWorkspaces());
        }
        if (input.rank() != 3 || input.size(0) != 1) {
            throw new IllegalArgumentException("expected one sequence [1, size, steps], got " + input.shapeInfoToString());
        }
        double[][] sizeByStep = input.slice(0).toDoubleMatrix();
        double[][] rows = new double[sizeByStep[0].length][sizeByStep.length];
        for (int k = 0; k < sizeByStep.length; k++) {
            for (int t = 0; t < rows.length; t++) {
                rows[t][k] = sizeByStep[k][t];
            }
        }
        return replay(net, first, new StepInput(null, rows));
    }

    /** The index of the first recurrent layer (bare or wrapped), or -1. */
    public static int firstRecurrentLayer(MultiLayerNetwork net) {
        for (int l = 0; l < net.getnLayers(); l++) {
            if (isRecurrent(net.getLayerWiseConfigurations().getConf(l).getLayer())) {
                return l;
            }
        }
        return -1;
    }

    private static boolean isRecurrent(Layer conf) {
        Layer bare = conf instanceof LastTimeStep last ? last.getUnderlying() : conf;
        if (bare instanceof Bidirectional bidirectional) {
            bare = bidirectional.getFwd();
        }
        return bare instanceof BaseRecurrentLayer;
    }

    private static List<LayerTrace> replay(MultiLayerNetwork net, int first, StepInput input) {
        List<LayerTrace> traces = new ArrayList<>();
        for (int l = first; l < net.getnLayers(); l++) {
            Layer conf = net.getLayerWiseConfigurations().getConf(l).getLayer();
            if (!isRecurrent(conf)) {
                if (l == first) {
                    throw new UserInputException("layer " + l + " is a " + conf.getClass().getSimpleName()
                            + ", not a recurrent layer");
                }
                break;
            }
            boolean last = conf instanceof LastTimeStep;
            Layer bare = last ? ((LastTimeStep) conf).getUnderlying() : conf;
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(l);
            LayerTrace trace;
            if (bare instanceof Bidirectional bidirectional) {
                if (bidirectional.getMode() != Bidirectional.Mode.CONCAT) {
                    throw new UserInputException("layer " + l + " is bidirectional with mode " + bidirectional.getMode()
                            + ": only CONCAT (both directions side by side) can be explained");
                }
                LayerTrace forward = direction(l, bidirectional.getFwd(), layer, BidirectionalParamInitializer.FORWARD_PREFIX, input);
                LayerTrace backward = direction(l, bidirectional.getBwd(), layer, BidirectionalParamInitializer.BACKWARD_PREFIX,
                        input.reversed());
                trace = concat(forward, reversedTrace(backward));
            } else {
                trace = direction(l, bare, layer, "", input);
            }
            traces.add(trace);
            input = new StepInput(null, trace.hidden());
        }
        if (traces.isEmpty()) {
            throw new UserInputException("the network has no recurrent layer to explain");
        }
        return traces;
    }

    private static LayerTrace direction(int l, Layer conf, org.deeplearning4j.nn.api.Layer layer, String prefix, StepInput input) {
        if (conf instanceof LSTM lstm) {
            requireActivations(l, lstm.getGateActivationFn() instanceof ActivationSigmoid
                    && lstm.getActivationFn() instanceof ActivationTanH, "sigmoid gates and tanh");
            return lstm(Params.of(layer, prefix, "W", "RW", "b", null), input);
        } else if (conf instanceof Gru) {
            return gru(Params.of(layer, prefix, GruParamInitializer.WEIGHT_KEY, GruParamInitializer.RECURRENT_WEIGHT_KEY,
                    GruParamInitializer.BIAS_KEY, GruParamInitializer.RECURRENT_BIAS_KEY), input);
        } else if (conf instanceof SimpleRnn rnn) {
            requireActivations(l, rnn.getActivationFn() instanceof ActivationTanH && !rnn.hasLayerNorm(),
                    "tanh without layer normalisation");
            return simpleRnn(Params.of(layer, prefix, "W", "RW", "b", null), input);
        }
        throw new UserInputException("layer " + l + " is a " + conf.getClass().getSimpleName()
                + ": only SimpleRnn, LSTM and GRU layers can be explained");
    }

    private static void requireActivations(int layer, boolean ok, String expected) {
        if (!ok) {
            throw new UserInputException("layer " + layer + " uses other activations than " + expected
                    + ": its cells cannot be re-run by the standard equations");
        }
    }

    private static LayerTrace lstm(Params p, StepInput input) {
        int h = p.hidden(4);
        int steps = input.steps();
        double[][] hidden = new double[steps][h];
        double[][] cells = new double[steps][h];
        double[][] forget = new double[steps][h];
        double[][] inputGate = new double[steps][h];
        double[][] output = new double[steps][h];
        double[] hPrev = new double[h];
        double[] cPrev = new double[h];
        for (int t = 0; t < steps; t++) {
            double[] z = p.project(input, t, hPrev);
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
        return new LayerTrace("lstm", 1, hidden, cells, gates);
    }

    private static LayerTrace gru(Params p, StepInput input) {
        int h = p.hidden(3);
        int steps = input.steps();
        double[][] hidden = new double[steps][h];
        double[][] update = new double[steps][h];
        double[][] reset = new double[steps][h];
        double[] hPrev = new double[h];
        for (int t = 0; t < steps; t++) {
            double[] x = p.inputPart(input, t);
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
        return new LayerTrace("gru", 1, hidden, null, gates);
    }

    private static LayerTrace simpleRnn(Params p, StepInput input) {
        int h = p.hidden(1);
        int steps = input.steps();
        double[][] hidden = new double[steps][h];
        double[] hPrev = new double[h];
        for (int t = 0; t < steps; t++) {
            double[] z = p.project(input, t, hPrev);
            for (int j = 0; j < h; j++) {
                hidden[t][j] = Math.tanh(z[j]);
            }
            hPrev = hidden[t];
        }
        return new LayerTrace("simple_rnn", 1, hidden, null, Map.of());
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** The trace read backwards in time: the backward half of a bidirectional layer, put back in the sequence's order. */
    private static LayerTrace reversedTrace(LayerTrace trace) {
        Map<String, double[][]> gates = new LinkedHashMap<>();
        trace.gates().forEach((name, values) -> gates.put(name, reverse(values)));
        return new LayerTrace(trace.cell(), trace.directions(), reverse(trace.hidden()),
                trace.cells() == null ? null : reverse(trace.cells()), gates);
    }

    private static double[][] reverse(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int t = 0; t < rows.length; t++) {
            out[t] = rows[rows.length - 1 - t];
        }
        return out;
    }

    /** Both directions side by side, forward first. */
    private static LayerTrace concat(LayerTrace forward, LayerTrace backward) {
        Map<String, double[][]> gates = new LinkedHashMap<>();
        forward.gates().forEach((name, values) -> gates.put(name, sideBySide(values, backward.gates().get(name))));
        return new LayerTrace(forward.cell(), 2, sideBySide(forward.hidden(), backward.hidden()),
                forward.cells() == null ? null : sideBySide(forward.cells(), backward.cells()), gates);
    }

    private static double[][] sideBySide(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            out[t] = new double[a[t].length + b[t].length];
            System.arraycopy(a[t], 0, out[t], 0, a[t].length);
            System.arraycopy(b[t], 0, out[t], a[t].length, b[t].length);
        }
        return out;
    }

    /** A layer's input at every step: one-hot symbols (a row of W each) or dense rows {@code [step][size]}. */
    private record StepInput(int[] symbols, double[][] rows) {

        int steps() {
            return symbols != null ? symbols.length : rows.length;
        }

        StepInput reversed() {
            if (symbols != null) {
                int[] out = new int[symbols.length];
                for (int t = 0; t < out.length; t++) {
                    out[t] = symbols[symbols.length - 1 - t];
                }
                return new StepInput(out, null);
            }
            return new StepInput(null, reverse(rows));
        }
    }

    /** One layer's weights as plain arrays: {@code w [in][G·H]}, {@code rw [H][G·H]}, biases {@code [G·H]}. */
    private record Params(double[][] w, double[][] rw, double[] b, double[] rb) {

        static Params of(org.deeplearning4j.nn.api.Layer layer, String prefix, String w, String rw, String b, String rb) {
            return new Params(matrix(layer.getParam(prefix + w)), matrix(layer.getParam(prefix + rw)),
                    vector(layer.getParam(prefix + b)), rb == null ? null : vector(layer.getParam(prefix + rb)));
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
        double[] inputPart(StepInput input, int t) {
            double[] z = b.clone();
            if (input.symbols() != null) {
                double[] row = w[input.symbols()[t]];
                for (int k = 0; k < z.length; k++) {
                    z[k] += row[k];
                }
            } else {
                addProduct(input.rows()[t], w, z);
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
        double[] project(StepInput input, int t, double[] hPrev) {
            double[] z = inputPart(input, t);
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
