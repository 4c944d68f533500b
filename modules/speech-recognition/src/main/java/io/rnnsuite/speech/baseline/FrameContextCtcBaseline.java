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
import java.time.Duration;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The non-recurrent model for digit strings: {@link SpeechNetwork#frameContextCtc} (the same
 * two-layer perceptron at every frame, on the frame's stacked ±100 ms context; no state passes from
 * frame to frame) trained on the same features with the same CTC loss, optimiser, batch size, epochs
 * and patience as the recurrent models, for at most {@link SpeechConfig#baselineSeconds()}, and
 * decoded the same way (greedy, or the configured prefix beam).
 */
public final class FrameContextCtcBaseline implements Recognizer {

    /** The name tables show. */
    public static final String NAME = "frame_mlp_ctc";

    private final SpeechModel model;
    private final TrainingResult training;

    private FrameContextCtcBaseline(SpeechModel model, TrainingResult training) {
        this.model = model;
        this.training = training;
    }

    /**
     * At most {@link SpeechConfig#baselineSeconds()}, and never more than the recurrent models' own
     * training budget (so a compare's per-model share also holds for this baseline); none when neither is set.
     */
    static Duration budget(SpeechConfig config) {
        double seconds = config.baselineSeconds();
        double models = config.training().timeBudgetSeconds();
        if (models > 0) {
            seconds = seconds > 0 ? Math.min(seconds, models) : models;
        }
        return seconds > 0 ? Duration.ofMillis((long) (seconds * 1000)) : null;
    }

    public static FrameContextCtcBaseline fit(SpeechConfig config, SpeechData data) {
        if (!config.ctc()) {
            throw new IllegalArgumentException("the frame-context CTC baseline is for connected speech");
        }
        int stacked = SpeechNetwork.contextFrames() * config.features().dimension();
        MultiLayerNetwork network = SpeechNetwork.frameContextCtc(config, stacked);
        TrainingConfig settings = config.training().withTimeBudget(budget(config));
        SpeechData stackedData = new SpeechData(true, data.vocabulary(), stack(data.train()), stack(data.validation()), List.of(),
                data.name(), data.source(), data.sha256(), data.details());
        TrainingResult result = SpeechTraining.fit(network, true, settings, stackedData, ProgressReporter.SILENT, null, false);
        return new FrameContextCtcBaseline(new SpeechModel(network, config, data.vocabulary()), result);
    }

    /** The utterances with each frame's stacked context as its features. */
    static List<Utterance> stack(List<Utterance> utterances) {
        return utterances.stream().map(u -> new Utterance(u.id(), SpeechNetwork.stackContext(u.features()), u.label(),
                u.targets(), u.text(), u.voice(), u.condition())).toList();
    }

    /** How its training went (epochs, time, why it stopped). */
    public TrainingResult training() {
        return training;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> recognise(List<Utterance> utterances) {
        return model.recognise(stack(utterances));
    }
}
