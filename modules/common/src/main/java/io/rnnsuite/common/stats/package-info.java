/**
 * Telling a difference from noise: the spread of a metric over seeds ({@link io.rnnsuite.common.stats.Spread})
 * and whether one model beats another beyond it ({@link io.rnnsuite.common.stats.SeedComparison}).
 */
package io.rnnsuite.common.stats;
