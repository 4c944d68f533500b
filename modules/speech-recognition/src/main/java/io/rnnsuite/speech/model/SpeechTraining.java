package io.rnnsuite.speech.model;

import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.speech.data.SpeechData;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Trains any speech network (recurrent or not) on the training split with the shared trainer, validated on the validation split. */
public final class SpeechTraining {

    /** Validation utterances per forward pass for the validation loss. */
    static final int VALIDATION_BATCH = 64;

    private SpeechTraining() {
    }

    /**
     * Trains {@code network} in place (it ends with the best parameters).
     *
     * @param ctc       per-frame CTC labels (connected digits) rather than one word per utterance
     * @param outputDir where the trainer keeps {@code model.zip} and its checkpoint, or {@code null} for memory only
     */
    public static TrainingResult fit(MultiLayerNetwork network, boolean ctc, TrainingConfig training, SpeechData data,
                                     ProgressReporter progress, Path outputDir, boolean resume) {
        int classes = data.vocabulary().size();
        List<MultiDataSet> train = Batches.examples(data.train(), ctc, classes);
        List<MultiDataSet> validation = Batches.examples(data.validation(), ctc, classes);
        return new Trainer(training, progress).train(TrainableNetwork.of(network),
                BatchSource.shuffled(train, training.batchSize()), net -> validationLoss(net, validation), outputDir, resume);
    }

    private static double validationLoss(TrainableNetwork network, List<MultiDataSet> validation) {
        double sum = 0;
        for (int start = 0; start < validation.size(); start += VALIDATION_BATCH) {
            List<MultiDataSet> slice = validation.subList(start, Math.min(validation.size(), start + VALIDATION_BATCH));
            sum += network.loss(MultiDataSet.merge(slice)) * slice.size();
        }
        return validation.isEmpty() ? 0 : sum / validation.size();
    }
}
