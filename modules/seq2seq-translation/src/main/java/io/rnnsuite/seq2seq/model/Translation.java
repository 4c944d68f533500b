package io.rnnsuite.seq2seq.model;

import java.util.List;

/**
 * One decoded sentence.
 *
 * @param text           the translation (EOS dropped)
 * @param tokens         target token indices as decoded, EOS included when it was reached
 * @param logProbability sum of the chosen tokens' log-probabilities
 * @param reachedLimit   decoding stopped at the maximum target length without producing EOS
 */
public record Translation(String text, List<Integer> tokens, double logProbability, boolean reachedLimit) {
}
