package io.rnnsuite.seq2seq.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.SentencePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training, validation and test pairs. Pairs are first deduplicated by source sentence (the first
 * translation of a repeated source is kept), then shuffled with a seed and cut, so no test or
 * validation source ever occurs in training.
 */
public record PairSplit(List<SentencePair> train, List<SentencePair> validation, List<SentencePair> test,
                        int duplicatesDropped) {

    /**
     * Splits {@code pairs}.
     *
     * @param validationFraction share held out for early stopping
     * @param testFraction       share held out for the test
     */
    public static PairSplit of(List<SentencePair> pairs, double validationFraction, double testFraction, long seed) {
        if (!(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
            throw new UserInputException("--validation-fraction and --test-fraction must be positive with a sum below 1, got "
                    + validationFraction + " and " + testFraction);
        }
        Map<String, SentencePair> bySource = new LinkedHashMap<>();
        pairs.forEach(p -> bySource.putIfAbsent(p.source(), p));
        List<SentencePair> unique = new ArrayList<>(bySource.values());
        if (unique.size() < 3) {
            throw new UserInputException("need at least 3 pairs with distinct sources to split, got " + unique.size());
        }
        Collections.shuffle(unique, new Random(seed));
        int test = Math.max(1, (int) Math.round(unique.size() * testFraction));
        int validation = Math.max(1, (int) Math.round(unique.size() * validationFraction));
        int train = unique.size() - test - validation;
        return new PairSplit(List.copyOf(unique.subList(0, train)), List.copyOf(unique.subList(train, train + validation)),
                List.copyOf(unique.subList(train + validation, unique.size())), pairs.size() - unique.size());
    }
}
