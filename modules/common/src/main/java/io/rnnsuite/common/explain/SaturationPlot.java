package io.rnnsuite.common.explain;

/**
 * One saturation scatter: a point per unit.
 *
 * @param model  the model's label (its cell type and directory name)
 * @param layer  the layer, from 0
 * @param values the gate's name, or {@code hidden} for the tanh hidden state
 * @param left   per unit, share of steps below 0.1 (tanh: below -0.8)
 * @param right  per unit, share of steps above 0.9 (tanh: above 0.8)
 */
public record SaturationPlot(String model, int layer, String values, double[] left, double[] right) {
}
