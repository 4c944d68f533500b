package io.rnnsuite.charlm.explain;

import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Runs a character model over a text and gathers what the explain page shows ({@link ExplainResult}). */
public final class Explainer {

    /** Decimals kept in the page and its JSON. */
    public static final int DECIMALS = 4;
    /** Units per layer shown with their keep-gate values over the text. */
    public static final int KEPT_UNITS = 4;

    private Explainer() {
    }

    /**
     * What to explain.
     *
     * @param model        the model
     * @param label        its label on the page (cell and directory)
     * @param text         the text it reads, from a zero state
     * @param textSource   where the text came from
     * @param code         search the source-code properties instead of the prose ones
     * @param units        how many interpretable units to list
     * @param compared     another model whose hidden-unit saturation is drawn beside, or {@code null}
     * @param comparedLabel its label
     */
    public record Request(CharLmModel model, String label, String text, String textSource, boolean code, int units,
                         CharLmModel compared, String comparedLabel) {
    }

    /** @throws UserInputException if the text has fewer than 2 characters */
    public static ExplainResult explain(Request request) {
        int[] codePoints = request.text().codePoints().toArray();
        if (codePoints.length < 2) {
            throw new UserInputException("the text to explain has " + codePoints.length
                    + " character(s); expected at least 2");
        }
        List<LayerTrace> traces = CellReplay.run(request.model().network(), encode(request.model().vocabulary(), codePoints));
        Map<String, double[]> properties = TextProperties.of(codePoints, request.code());
        List<UnitFinding> units = InterpretableUnits.rank(traces, properties, request.units()).stream()
                .map(f -> new UnitFinding(f.layer(), f.state(), f.unit(), f.property(), round(f.correlation())))
                .toList();

        List<ExplainResult.StateValues> activations = new ArrayList<>();
        List<ExplainResult.SaturationPlot> saturation = new ArrayList<>();
        List<ExplainResult.KeptUnit> kept = new ArrayList<>();
        for (int l = 0; l < traces.size(); l++) {
            LayerTrace trace = traces.get(l);
            activations.add(new ExplainResult.StateValues(l, "hidden", transposeRounded(trace.hidden())));
            if (trace.cells() != null) {
                activations.add(new ExplainResult.StateValues(l, "cell", transposeRounded(trace.cells())));
            }
            for (Map.Entry<String, double[][]> gate : trace.gates().entrySet()) {
                saturation.add(plot(request.label(), l, gate.getKey(), Saturation.ofGate(gate.getValue())));
            }
            saturation.add(plot(request.label(), l, "hidden", Saturation.ofTanh(trace.hidden())));
            if (trace.keepGate() != null) {
                kept.addAll(longestKept(l, trace.keepGate(), trace.gates().get(trace.keepGate())));
            }
        }
        if (request.compared() != null) {
            List<LayerTrace> other = CellReplay.run(request.compared().network(),
                    encode(request.compared().vocabulary(), codePoints));
            for (int l = 0; l < other.size(); l++) {
                saturation.add(plot(request.comparedLabel(), l, "hidden", Saturation.ofTanh(other.get(l).hidden())));
            }
        }
        LayerTrace first = traces.get(0);
        return new ExplainResult(request.label(), first.cell(), traces.size(), first.units(), request.textSource(),
                request.text(), List.copyOf(properties.keySet()), units, activations, saturation, kept,
                request.compared() == null ? null : request.comparedLabel());
    }

    /** The text as vocabulary indices (unknown characters as UNK, as in training). */
    static int[] encode(CharVocabulary vocabulary, int[] codePoints) {
        return IntStream.of(codePoints).map(vocabulary::indexOf).toArray();
    }

    /** The {@link #KEPT_UNITS} units of one layer with the highest mean keep-gate value. */
    static List<ExplainResult.KeptUnit> longestKept(int layer, String gate, double[][] values) {
        int units = values[0].length;
        List<ExplainResult.KeptUnit> all = new ArrayList<>();
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
            all.add(new ExplainResult.KeptUnit(layer, gate, j, round(mean), halfLife == null ? null : round(halfLife),
                    roundAll(series)));
        }
        all.sort(Comparator.comparingDouble((ExplainResult.KeptUnit k) -> -k.meanGate()).thenComparingInt(ExplainResult.KeptUnit::unit));
        return List.copyOf(all.subList(0, Math.min(KEPT_UNITS, all.size())));
    }

    private static ExplainResult.SaturationPlot plot(String model, int layer, String values, Saturation s) {
        // shares are counts over the text length, kept exact
        return new ExplainResult.SaturationPlot(model, layer, values, s.left(), s.right());
    }

    static double round(double v) {
        double scale = Math.pow(10, DECIMALS);
        return Math.round(v * scale) / scale;
    }

    private static double[] roundAll(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = round(values[i]);
        }
        return out;
    }

    private static double[][] transposeRounded(double[][] stepUnit) {
        int units = stepUnit[0].length;
        double[][] out = new double[units][stepUnit.length];
        for (int t = 0; t < stepUnit.length; t++) {
            for (int j = 0; j < units; j++) {
                out[j][t] = round(stepUnit[t][j]);
            }
        }
        return out;
    }
}
