package io.rnnsuite.common.explain;

/**
 * A unit that keeps its state long.
 *
 * @param layer         the layer, from 0
 * @param gate          {@code forget} (LSTM) or {@code update} (GRU)
 * @param unit          the unit, from 0
 * @param meanGate      the gate's mean value over the input
 * @param halfLifeSteps steps after which the product of the gate values halves, at their geometric
 *                      mean ({@code ln 0.5 / mean ln g}); {@code null} when it never does
 * @param values        the gate value at every step
 */
public record KeptUnit(int layer, String gate, int unit, double meanGate, Double halfLifeSteps, double[] values) {
}
