package io.rnnsuite.speech.baseline;

import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.data.SpeechData;
import io.rnnsuite.speech.data.Utterance;
import io.rnnsuite.speech.model.Recognizer;
import io.rnnsuite.speech.model.SpeechModel;
import io.rnnsuite.speech.model.SpeechNetwork;
import io.rnnsuite.speech.model.SpeechTraining;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The non-recurrent model for digit strings: {@link SpeechNetwork#convolutionalCtc} (a 1-D
 * convolution over time, then a per-frame hidden layer, so each frame's output sees only the 210 ms
 * around it; no state passes from frame to frame) trained on the same features with the same CTC loss, optimiser, batch size,
 * epochs and patience as the recurrent models, for at most {@link SpeechConfig#baselineSeconds()},
 * and decoded the same way (greedy, or the configured prefix beam).
 */
public final class ConvolutionalCtcBaseline implements Recognizer {

    /** The name tables show. */
    public static final String NAME = "conv1d_ctc";

    private final SpeechModel model;
    private final TrainingResult training;

    private ConvolutionalCtcBaseline(SpeechModel model, TrainingResult training) {
        this.model = model;
        this.training = training;
    }

    public static ConvolutionalCtcBaseline fit(SpeechConfig config, SpeechData data) {
        if (!config.ctc()) {
            throw new IllegalArgumentException("the convolutional CTC baseline is for connected speech");
        }
        MultiLayerNetwork network = SpeechNetwork.convolutionalCtc(config, config.features().dimension());
        TrainingConfig settings = config.training().withTimeBudget(
                config.baselineSeconds() > 0 ? java.time.Duration.ofMillis((long) (config.baselineSeconds() * 1000)) : null);
        TrainingResult result = SpeechTraining.fit(network, true, settings, data, ProgressReporter.SILENT, null, false);
        System.err.printf(java.util.Locale.ROOT, "speech: baseline %s: %,d parameters, %d epochs in %.0f s (%s), best at epoch %d%n",
                NAME, network.numParams(), result.history().size(), result.trainingSeconds(),
                result.stopReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), result.bestEpoch());
        return new ConvolutionalCtcBaseline(new SpeechModel(network, config, data.vocabulary()), result);
    }

    /** How its training went (epochs, time, why it stopped). */
    public TrainingResult training() {
        return training;
    }

    public long parameters() {
        return model.network().numParams();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> recognise(List<Utterance> utterances) {
        return model.recognise(utterances);
    }
}
