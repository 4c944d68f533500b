package io.rnnsuite.charlm.explain;

import io.rnnsuite.common.explain.KeptUnit;
import io.rnnsuite.common.explain.SaturationPlot;
import io.rnnsuite.common.explain.StateValues;
import io.rnnsuite.common.explain.UnitFinding;
import java.util.List;

/**
 * Everything the explain page draws, as written to its JSON file. Activations, gate values and
 * correlations are rounded to {@value Explainer#DECIMALS} decimals; saturation shares are exact.
 *
 * @param model          the model directory
 * @param cell           {@code simple_rnn}, {@code lstm} or {@code gru}
 * @param layers         recurrent layers
 * @param hiddenSize     units per layer
 * @param textSource     where the text came from
 * @param text           the text, one code point per step
 * @param properties     the text properties searched ({@link TextProperties})
 * @param units          the most interpretable units, strongest first
 * @param activations    hidden (and LSTM cell) state of every unit at every step
 * @param saturation     per gate (and per model's hidden tanh), each unit's saturated shares
 * @param longMemory     per layer, the units whose keep gate (LSTM forget, GRU update) is highest on average, over the text
 * @param comparedModel  the model whose hidden-unit saturation is drawn beside, or {@code null}
 */
public record ExplainResult(String model, String cell, int layers, int hiddenSize, String textSource, String text,
                            List<String> properties, List<UnitFinding> units, List<StateValues> activations,
                            List<SaturationPlot> saturation, List<KeptUnit> longMemory, String comparedModel) {
}
