package io.rnnsuite.charlm.explain;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.charlm.model.CharLmNetworks;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.text.CharVocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Character networks for the explain tests: freshly initialised ones, and ones whose weights are set by hand. */
final class ExplainNetworks {

    private ExplainNetworks() {
    }

    /** A new network over {@code vocabulary} with {@code layers} layers of {@code hidden} units. */
    static MultiLayerNetwork create(CellType cell, RecurrentImpl impl, int hidden, int layers, CharVocabulary vocabulary) {
        CharLmConfig config = new CharLmConfig(CharLmConfig.DEFAULT_CORPUS, null,
                new RecurrentSpec(cell, hidden, layers, false, 0.0, impl), 20, 10, 1, 0.1, 0.1, TinyCorpus.training(1, 1));
        return CharLmNetworks.create(config, vocabulary.size(), config.training());
    }

    /** Every parameter of recurrent layer {@code layer} set to 0. */
    static void zero(MultiLayerNetwork net, int layer) {
        for (INDArray p : net.getLayer(layer).paramTable().values()) {
            p.assign(0);
        }
    }

    /** The network's own output of recurrent layer {@code layer} for the text, {@code [unit][step]}. */
    static double[][] networkHidden(MultiLayerNetwork net, int[] symbols, int vocabularySize, int layer) {
        INDArray out = net.feedForward(OneHot.sequence(symbols, vocabularySize), false).get(layer + 1);
        return out.slice(0).toDoubleMatrix();
    }
}
