package io.rnnsuite.charlm.baseline;

import io.rnnsuite.charlm.data.PreparedCorpus;
import io.rnnsuite.charlm.model.NextCharModel;
import java.util.List;

/** The count-based baselines, fitted on the training part: unigram and Witten–Bell 3- and 5-gram models. */
public final class Baselines {

    private Baselines() {
    }

    public static List<NextCharModel> fit(PreparedCorpus corpus) {
        int v = corpus.vocabulary().size();
        return List.of(new UnigramModel(corpus.train(), v),
                new WittenBellNGramModel(corpus.train(), v, 3),
                new WittenBellNGramModel(corpus.train(), v, WittenBellNGramModel.MAX_ORDER));
    }
}
