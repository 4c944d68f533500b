package io.rnnsuite.charlm;

import io.rnnsuite.common.eval.LanguageModelMetrics;
import java.util.List;

/**
 * One model's scores on the held-out parts.
 *
 * @param model      model name
 * @param validation metrics on the validation part
 * @param test       metrics on the test part
 * @param seconds    wall-clock seconds spent scoring both
 */
public record CharLmEvaluation(String model, LanguageModelMetrics validation, LanguageModelMetrics test, double seconds) {

    /** Scores {@code model} on the validation and test parts of {@code corpus}. */
    public static CharLmEvaluation of(NextCharModel model, PreparedCorpus corpus) {
        long start = System.nanoTime();
        LanguageModelMetrics validation = model.evaluate(corpus.validation());
        LanguageModelMetrics test = model.evaluate(corpus.test());
        return new CharLmEvaluation(model.name(), validation, test, (System.nanoTime() - start) / 1e9);
    }

    /** The count-based baselines trained on the training part: unigram and Witten–Bell 3- and 5-gram models. */
    public static List<NextCharModel> baselines(PreparedCorpus corpus) {
        int v = corpus.vocabulary().size();
        return List.of(new UnigramModel(corpus.train(), v),
                new WittenBellNGramModel(corpus.train(), v, 3),
                new WittenBellNGramModel(corpus.train(), v, WittenBellNGramModel.MAX_ORDER));
    }
}
