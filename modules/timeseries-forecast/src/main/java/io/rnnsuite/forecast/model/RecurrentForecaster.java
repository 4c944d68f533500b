package io.rnnsuite.forecast.model;

import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.layers.FastForward;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained forecasting network as a {@link Forecaster}. A few windows at a time (what
 * {@code forecast predict} and the playground ask for) go one by one through {@link FastForward}
 * where the network is made of the fast layers; many windows (evaluation) and any other network go
 * through {@code net.output} as one batch. Both give the same forecasts (to float rounding).
 */
public final class RecurrentForecaster implements Forecaster {

    /** Most windows per request that go one at a time through {@link FastForward} (predict and the playground ask for one); more go as one batch. */
    static final int SINGLE_PATH_WINDOWS = 4;

    private final String name;
    private final MultiLayerNetwork network;
    private final boolean useFastPath;
    /** Made on the first small request; empty where the network needs {@code output}. */
    private Optional<FastForward> forward;

    public RecurrentForecaster(String name, MultiLayerNetwork network) {
        this(name, network, true);
    }

    /**
     * @param useFastPath answer small requests through {@link FastForward} where the network allows;
     *                    false: always {@code net.output} (the reference path)
     */
    public RecurrentForecaster(String name, MultiLayerNetwork network, boolean useFastPath) {
        this.name = name;
        this.network = network;
        this.useFastPath = useFastPath;
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
        Optional<FastForward> pass = origins.size() <= SINGLE_PATH_WINDOWS ? fastForward() : Optional.empty();
        if (pass.isPresent() && pass.get().inputSize() == data.inputColumns() && !pass.get().outputsPerStep()) {
            FastForward f = pass.get();
            for (int w = 0; w < origins.size(); w++) {
                double[][] window = data.inputWindow(origins.get(w));
                int steps = window[0].length;
                double[] timeMajor = new double[steps * window.length];
                for (int c = 0; c < window.length; c++) {
                    for (int t = 0; t < steps; t++) {
                        // rounded as the batched path's float features are
                        timeMajor[t * window.length + c] = (float) window[c][t];
                    }
                }
                double[] predicted = new double[f.outputSize()];
                f.output(timeMajor, steps, predicted);
                out[w] = data.toTargetScale(origins.get(w), predicted);
            }
            return out;
        }
        INDArray predicted = network.output(data.features(origins), false);
        for (int w = 0; w < origins.size(); w++) {
            out[w] = data.toTargetScale(origins.get(w), predicted.getRow(w).toDoubleVector());
        }
        return out;
    }

    private synchronized Optional<FastForward> fastForward() {
        if (!useFastPath) {
            return Optional.empty();
        }
        if (forward == null) {
            forward = FastForward.of(network);
        }
        return forward;
    }
}
