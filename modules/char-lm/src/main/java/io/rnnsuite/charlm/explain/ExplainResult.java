package io.rnnsuite.charlm.explain;

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

    /**
     * One layer's state over the text.
     *
     * @param layer  the layer, from 0
     * @param state  {@code hidden} or {@code cell}
     * @param values {@code [unit][step]}
     */
    public record StateValues(int layer, String state, double[][] values) {
    }

    /**
     * One saturation scatter.
     *
     * @param model  the model's label (its cell type and directory name)
     * @param layer  the layer, from 0
     * @param values the gate's name, or {@code hidden} for the tanh hidden state
     * @param left   per unit, share of steps below 0.1 (tanh: below -0.8)
     * @param right  per unit, share of steps above 0.9 (tanh: above 0.8)
     */
    public record SaturationPlot(String model, int layer, String values, double[] left, double[] right) {
    }

    /**
     * A unit that keeps its state long.
     *
     * @param layer         the layer, from 0
     * @param gate          {@code forget} (LSTM) or {@code update} (GRU)
     * @param unit          the unit, from 0
     * @param meanGate      the gate's mean value over the text
     * @param halfLifeSteps steps after which the product of the gate values halves, at their geometric
     *                      mean ({@code ln 0.5 / mean ln g}); {@code null} when it never does
     * @param values        the gate value at every step
     */
    public record KeptUnit(int layer, String gate, int unit, double meanGate, Double halfLifeSteps, double[] values) {
    }
}
