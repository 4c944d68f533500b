package io.rnnsuite.forecast.model;

import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.data.ForecastData;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Trains a forecasting network on the training windows, early-stopping on the validation windows. */
public final class ForecastTrainer {

    /** The trained forecaster and how training went. */
    public record Trained(RecurrentForecaster forecaster, TrainingResult result) {
    }

    private ForecastTrainer() {
    }

    /**
     * @param outputDir model directory for model.zip and checkpoints, or {@code null} to stay in memory
     * @param resume    continue from the checkpoint in {@code outputDir}
     */
    public static Trained train(ForecastConfig config, ForecastData data, Path outputDir, boolean resume,
                                ProgressReporter progress) {
        MultiLayerNetwork net = ForecastNetworkFactory.create(config, data.inputColumns());
        TrainableNetwork trainable = TrainableNetwork.of(net);
        BatchSource batches = BatchSource.shuffled(data.examples(data.split().trainOrigins()), config.training().batchSize());
        MultiDataSet validation = data.batch(data.split().validationOrigins());
        TrainingResult result = new Trainer(config.training(), progress)
                .train(trainable, batches, n -> n.loss(validation), outputDir, resume);
        return new Trained(new RecurrentForecaster(config.recurrent().label(), net), result);
    }
}
