package io.rnnsuite.charlm.explain;

/**
 * A unit whose activation follows a property of the text.
 *
 * @param layer       the recurrent layer, from 0
 * @param state       {@code hidden} or {@code cell}
 * @param unit        the unit, from 0
 * @param property    the property it follows best ({@link TextProperties})
 * @param correlation Pearson correlation of the unit's activation with the property over the text, in [-1, 1]
 */
public record UnitFinding(int layer, String state, int unit, String property, double correlation) {
}
