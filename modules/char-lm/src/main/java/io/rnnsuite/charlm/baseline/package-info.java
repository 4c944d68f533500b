/**
 * Count-based next-character models scored by the same code as the networks: an add-one unigram
 * and interpolated Witten–Bell n-grams.
 */
package io.rnnsuite.charlm.baseline;
