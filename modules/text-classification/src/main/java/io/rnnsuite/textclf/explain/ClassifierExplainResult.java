package io.rnnsuite.textclf.explain;

import io.rnnsuite.common.explain.KeptUnit;
import io.rnnsuite.common.explain.SaturationPlot;
import io.rnnsuite.common.explain.StateValues;
import io.rnnsuite.common.explain.UnitFinding;
import java.util.List;
import java.util.Map;

/**
 * Everything the classifier's explain page draws, as written to its JSON file. States are rounded to
 * {@value ClassifierExplainer#DECIMALS} decimals, probabilities to {@value ClassifierExplainer#PROBABILITY_DECIMALS};
 * saturation shares are exact. Steps are the words of all texts one after the other (each text read
 * from a zero state); {@link TextView#start()} says where a text's words begin.
 *
 * @param model       the model's label (cell and directory)
 * @param cell        {@code simple_rnn}, {@code lstm} or {@code gru}
 * @param layers      recurrent layers
 * @param hiddenSize  units per layer and direction
 * @param directions  1, or 2 for bidirectional layers (units {@code 0 .. H-1} forward, {@code H .. 2H-1} backward)
 * @param pooling     how the states become one vector: {@code last}, {@code mean} or {@code max}
 * @param labels      the classes, by index
 * @param textSource  where the texts came from
 * @param note        what could not be searched and why, or {@code null}
 * @param texts       every text read, with its running prediction and word influence
 * @param properties  the word properties searched ({@link WordProperties})
 * @param classWords  per class, the training words it is known by ({@link ClassWords}); empty when unknown
 * @param units       the most interpretable units, strongest first
 * @param activations hidden (and LSTM cell) state of every unit at every word, {@code [unit][step]}
 * @param saturation  per gate (and the hidden tanh), each unit's saturated shares over all words
 * @param longMemory  per layer, the units whose keep gate (LSTM forget, GRU update) is highest on average
 */
public record ClassifierExplainResult(String model, String cell, int layers, int hiddenSize, int directions, String pooling,
                                      List<String> labels, String textSource, String note, List<TextView> texts,
                                      List<String> properties, Map<String, List<String>> classWords, List<UnitFinding> units,
                                      List<StateValues> activations, List<SaturationPlot> saturation, List<KeptUnit> longMemory) {

    /**
     * One text as the model read it.
     *
     * @param where         where the text came from ({@code test text 3}, {@code line 2 of FILE}, {@code argument 1})
     * @param text          the text as given
     * @param words         its words (lower-cased tokens), cut to the model's maximum length
     * @param known         per word, whether the vocabulary holds it (else the model reads UNK)
     * @param tokens        its number of tokens before the cut
     * @param start         the step of its first word among all texts' words
     * @param label         its true class when known, else {@code null}
     * @param predicted     the model's class for the whole text
     * @param probabilities every class's probability for the whole text
     * @param running       {@code [k][class]}: the probabilities from the first {@code k + 1} words alone
     * @param influence     per word, how much the predicted class's probability drops when that word
     *                      alone is left out (negative: the word spoke against it); {@code null} for a one-word text
     * @param settledAfter  the least number of words from which on every prefix already predicts the final class
     */
    public record TextView(String where, String text, List<String> words, List<Boolean> known, int tokens, int start,
                           String label, String predicted, double[] probabilities, double[][] running, Double[] influence,
                           int settledAfter) {
    }
}
