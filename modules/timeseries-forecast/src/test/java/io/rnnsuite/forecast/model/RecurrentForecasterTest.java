package io.rnnsuite.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.SyntheticSeries;
import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.PreparedSeries;
import io.rnnsuite.layers.FastForward;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** A few windows through the fast single-sequence path give the batched network's forecasts. */
class RecurrentForecasterTest {

    @TempDir
    Path dir;

    private ForecastConfig config(RecurrentSpec spec, SequencePooling pooling) throws IOException {
        return new ForecastConfig(null, SyntheticSeries.write(dir, "s.csv", SyntheticSeries.seasonalCsv(160, 3)).toString(),
                "value", List.of(), 24, 6, 12, 0.15, 0.2, false, true, spec, pooling,
                new TrainingConfig(1, 16, 0.01, 10, 1.0, 42, 0, 0));
    }

    private void assertBothPathsAgree(RecurrentSpec spec, SequencePooling pooling, boolean fastPathExpected) throws IOException {
        PreparedSeries prepared = new ForecastApp().load(config(spec, pooling));
        ForecastConfig config = prepared.config();
        ForecastData data = prepared.data();
        MultiLayerNetwork net = ForecastNetworkFactory.create(config, data.inputColumns());
        // non-zero biases and larger weights, so that a missing term cannot pass
        net.params().addi(Nd4j.rand(net.params().dataType(), net.params().shape()).subi(0.5).muli(0.4));
        assertEquals(fastPathExpected, FastForward.of(net).isPresent(), String.valueOf(FastForward.unsupportedReason(net)));
        RecurrentForecaster fast = new RecurrentForecaster("m", net);
        RecurrentForecaster reference = new RecurrentForecaster("m", net, false);
        List<Integer> origins = data.split().testOrigins();
        for (List<Integer> request : List.of(origins.subList(0, 1), origins.subList(1, 4))) {
            double[][] a = fast.forecast(data, request);
            double[][] b = reference.forecast(data, request);
            for (int w = 0; w < request.size(); w++) {
                for (int k = 0; k < a[w].length; k++) {
                    assertEquals(b[w][k], a[w][k], 1e-4 * Math.max(1, Math.abs(b[w][k])), spec + " window " + w + " step " + k);
                }
            }
        }
    }

    @Test
    void singleRequestsGiveTheBatchedForecastsWithTheDefaultAndOtherModels() throws IOException {
        assertBothPathsAgree(new RecurrentSpec(CellType.LSTM, 32, 1, false, 0.0), null, true);
        assertBothPathsAgree(new RecurrentSpec(CellType.GRU, 8, 2, true, 0.0), SequencePooling.LAST, true);
        // DL4J's own LSTM has no fast path: the batched answer
        assertBothPathsAgree(new RecurrentSpec(CellType.LSTM, 8, 1, false, 0.0, RecurrentImpl.STOCK), null, false);
        assertTrue(RecurrentForecaster.SINGLE_PATH_WINDOWS >= 3, "the test's three-window request takes the fast path");
    }
}
