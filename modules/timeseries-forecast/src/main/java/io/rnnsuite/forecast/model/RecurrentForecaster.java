package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.data.ForecastData;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A trained forecasting network as a {@link Forecaster}. */
public final class RecurrentForecaster implements Forecaster {

    private final String name;
    private final MultiLayerNetwork network;

    public RecurrentForecaster(String name, MultiLayerNetwork network) {
        this.name = name;
        this.network = network;
    }

    @Override
    public String name() {
        return name;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public double[][] forecast(ForecastData data, List<Integer> origins) {
        double[][] out = new double[origins.size()][];
        if (origins.isEmpty()) {
            return out;
        }
        INDArray predicted = network.output(data.features(origins), false);
        for (int w = 0; w < origins.size(); w++) {
            out[w] = data.toTargetScale(origins.get(w), predicted.getRow(w).toDoubleVector());
        }
        return out;
    }
}
