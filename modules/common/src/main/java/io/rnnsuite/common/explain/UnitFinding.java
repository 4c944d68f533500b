package io.rnnsuite.common.explain;

/**
 * A unit whose activation follows a property of the input.
 *
 * @param layer       the recurrent layer, from 0
 * @param state       {@code hidden} or {@code cell}
 * @param unit        the unit, from 0 (in a bidirectional layer the backward units follow the forward ones)
 * @param property    the property it follows best
 * @param correlation Pearson correlation of the unit's activation with the property over the input, in [-1, 1]
 */
public record UnitFinding(int layer, String state, int unit, String property, double correlation) {
}
