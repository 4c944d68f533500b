package io.rnnsuite.charlm.explain;

import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.explain.CellFigures;
import io.rnnsuite.common.explain.CellReplay;
import io.rnnsuite.common.explain.InterpretableUnits;
import io.rnnsuite.common.explain.LayerTrace;
import io.rnnsuite.common.explain.SaturationPlot;
import io.rnnsuite.common.explain.UnitFinding;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.ArrayList;
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
        List<UnitFinding> units = CellFigures.rounded(InterpretableUnits.rank(traces, properties, request.units()), DECIMALS);
        List<SaturationPlot> saturation = new ArrayList<>(CellFigures.saturation(request.label(), traces));
        if (request.compared() != null) {
            List<LayerTrace> other = CellReplay.run(request.compared().network(),
                    encode(request.compared().vocabulary(), codePoints));
            for (int l = 0; l < other.size(); l++) {
                saturation.add(CellFigures.hiddenSaturation(request.comparedLabel(), l, other.get(l)));
            }
        }
        LayerTrace first = traces.get(0);
        return new ExplainResult(request.label(), first.cell(), traces.size(), first.units(), request.textSource(),
                request.text(), List.copyOf(properties.keySet()), units, CellFigures.states(traces, DECIMALS), saturation,
                CellFigures.longestKept(traces, KEPT_UNITS, DECIMALS), request.compared() == null ? null : request.comparedLabel());
    }

    /** The text as vocabulary indices (unknown characters as UNK, as in training). */
    static int[] encode(CharVocabulary vocabulary, int[] codePoints) {
        return IntStream.of(codePoints).map(vocabulary::indexOf).toArray();
    }
}
