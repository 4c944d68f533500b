package io.rnnsuite.common.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The numbers an explain page draws from replayed layers ({@link CellReplay}): every unit's state,
 * the saturation of every gate and of the tanh hidden state, and the units whose keep gate holds
 * information longest. Values are rounded to a given number of decimals; saturation shares are
 * counts over the steps, kept exact.
 */
public final class CellFigures {

    private CellFigures() {
    }

    /** Hidden (and LSTM cell) state of every layer, {@code [unit][step]}, rounded. */
    public static List<StateValues> states(List<LayerTrace> traces, int decimals) {
        List<StateValues> out = new ArrayList<>();
        for (int l = 0; l < traces.size(); l++) {
            LayerTrace trace = traces.get(l);
            out.add(new StateValues(l, "hidden", transposeRounded(trace.hidden(), decimals)));
            if (trace.cells() != null) {
                out.add(new StateValues(l, "cell", transposeRounded(trace.cells(), decimals)));
            }
        }
        return out;
    }

    /** Per layer: one plot per gate, then the tanh hidden state. */
    public static List<SaturationPlot> saturation(String model, List<LayerTrace> traces) {
        List<SaturationPlot> out = new ArrayList<>();
        for (int l = 0; l < traces.size(); l++) {
            LayerTrace trace = traces.get(l);
            for (Map.Entry<String, double[][]> gate : trace.gates().entrySet()) {
                Saturation s = Saturation.ofGate(gate.getValue());
                out.add(new SaturationPlot(model, l, gate.getKey(), s.left(), s.right()));
            }
            out.add(hiddenSaturation(model, l, trace));
        }
        return out;
    }

    /** The tanh hidden state's saturation of one layer. */
    public static SaturationPlot hiddenSaturation(String model, int layer, LayerTrace trace) {
        Saturation s = Saturation.ofTanh(trace.hidden());
        return new SaturationPlot(model, layer, "hidden", s.left(), s.right());
    }

    /** Per layer with a keep gate, its {@code count} units with the highest mean keep-gate value. */
    public static List<KeptUnit> longestKept(List<LayerTrace> traces, int count, int decimals) {
        List<KeptUnit> out = new ArrayList<>();
        for (int l = 0; l < traces.size(); l++) {
            LayerTrace trace = traces.get(l);
            if (trace.keepGate() != null) {
                out.addAll(longestKept(l, trace.keepGate(), trace.gates().get(trace.keepGate()), count, decimals));
            }
        }
        return out;
    }

    /** The {@code count} units of one layer's gate {@code values [step][unit]} with the highest mean, highest first. */
    public static List<KeptUnit> longestKept(int layer, String gate, double[][] values, int count, int decimals) {
        int units = values[0].length;
        List<KeptUnit> all = new ArrayList<>();
        for (int j = 0; j < units; j++) {
            double[] series = InterpretableUnits.column(values, j);
            double mean = 0;
            double meanLog = 0;
            for (double v : series) {
                mean += v;
                meanLog += Math.log(v);
            }
            mean /= series.length;
            meanLog /= series.length;
            Double halfLife = meanLog < 0 ? Math.log(0.5) / meanLog : null;
            all.add(new KeptUnit(layer, gate, j, round(mean, decimals), halfLife == null ? null : round(halfLife, decimals),
                    roundAll(series, decimals)));
        }
        all.sort(Comparator.comparingDouble((KeptUnit k) -> -k.meanGate()).thenComparingInt(KeptUnit::unit));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    /** The findings with their correlations rounded. */
    public static List<UnitFinding> rounded(List<UnitFinding> findings, int decimals) {
        return findings.stream().map(f -> new UnitFinding(f.layer(), f.state(), f.unit(), f.property(),
                round(f.correlation(), decimals))).toList();
    }

    public static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    public static double[] roundAll(double[] values, int decimals) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = round(values[i], decimals);
        }
        return out;
    }

    /**
     * The traces of several sequences (each read from a zero state, same network) joined step after
     * step, layer by layer: what saturation and correlations are counted over.
     */
    public static List<LayerTrace> joined(List<List<LayerTrace>> perSequence) {
        List<LayerTrace> first = perSequence.get(0);
        List<LayerTrace> out = new ArrayList<>();
        for (int l = 0; l < first.size(); l++) {
            int layer = l;
            LayerTrace shape = first.get(l);
            Map<String, double[][]> gates = new java.util.LinkedHashMap<>();
            for (String gate : shape.gates().keySet()) {
                gates.put(gate, concatSteps(perSequence.stream().map(t -> t.get(layer).gates().get(gate)).toList()));
            }
            out.add(new LayerTrace(shape.cell(), shape.directions(),
                    concatSteps(perSequence.stream().map(t -> t.get(layer).hidden()).toList()),
                    shape.cells() == null ? null : concatSteps(perSequence.stream().map(t -> t.get(layer).cells()).toList()),
                    gates));
        }
        return out;
    }

    /** Steps of several sequences one after the other, {@code [step][unit]} (rows shared, not copied). */
    public static double[][] concatSteps(List<double[][]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        double[][] out = new double[total][];
        int at = 0;
        for (double[][] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static double[][] transposeRounded(double[][] stepUnit, int decimals) {
        int units = stepUnit[0].length;
        double[][] out = new double[units][stepUnit.length];
        for (int t = 0; t < stepUnit.length; t++) {
            for (int j = 0; j < units; j++) {
                out[j][t] = round(stepUnit[t][j], decimals);
            }
        }
        return out;
    }
}
