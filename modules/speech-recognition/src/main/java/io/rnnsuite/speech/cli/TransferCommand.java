package io.rnnsuite.speech.cli;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.speech.SpeechApp;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.ctc.ErrorRates;
import io.rnnsuite.speech.data.DigitWords;
import io.rnnsuite.speech.data.PackagedRecordings;
import io.rnnsuite.speech.features.FeatureExtractor;
import io.rnnsuite.speech.model.SpeechModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code speech transfer}: a digit-string model trained on synthetic voices, scored on the real
 * human recordings of digit strings that {@code pocketsphinx-testdata} installs
 * ({@link PackagedRecordings}). One line per recording, then the word error rate over them.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Score a digit-string (--ctc) model on real human recordings installed by Debian's "
                + PackagedRecordings.PACKAGE + ": synthetic-to-real transfer.")
public final class TransferCommand implements Callable<Integer> {

    private final SpeechApp app;

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "A model directory written by 'speech train --dataset digit-strings --ctc'.")
    Path modelDir;

    @Option(names = "--recordings", paramLabel = "DIR",
            description = "Where " + PackagedRecordings.PACKAGE + " installed its test data (default: ${DEFAULT-VALUE}).")
    Path recordings = PackagedRecordings.DEFAULT_ROOT;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public TransferCommand(SpeechApp app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(recordings)) {
            throw new UserInputException("--recordings " + recordings + ": not a directory; the real recordings come from the "
                    + "Debian package " + PackagedRecordings.PACKAGE + " (apt-get install " + PackagedRecordings.PACKAGE + ")");
        }
        AppModels.Loaded<SpeechConfig, SpeechModel> loaded = AppModels.open(app, modelDir);
        SpeechModel model = loaded.model();
        if (!model.config().ctc()) {
            throw new UserInputException("--model " + modelDir + ": an isolated-word model; the packaged real recordings are "
                    + "digit strings (no package installs isolated recordings of these words): give a model trained with "
                    + "--dataset digit-strings --ctc");
        }
        FeatureExtractor extractor = new FeatureExtractor(model.config().features());
        List<float[][]> features = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (PackagedRecordings.Recording r : PackagedRecordings.DIGIT_STRINGS) {
            Audio audio = PackagedRecordings.read(recordings, r, model.config().maxSeconds())
                    .resampledTo(model.config().features().sampleRate());
            features.add(extractor.features(audio));
            seconds.add(audio.seconds());
        }
        List<double[][]> posteriors = model.framePosteriors(features);
        PrintWriter out = spec.commandLine().getOut();
        ErrorRates.Tally all = new ErrorRates.Tally();
        for (int i = 0; i < posteriors.size(); i++) {
            PackagedRecordings.Recording r = PackagedRecordings.DIGIT_STRINGS.get(i);
            String hypothesis = DigitWords.text(model.decode(posteriors.get(i)).labels());
            int errors = ErrorRates.editDistance(ErrorRates.words(r.transcript()), ErrorRates.words(hypothesis));
            all.add(r.transcript(), hypothesis);
            out.printf(Locale.ROOT, "%s\t%.2f s\treference: %s\theard: %s\t%d error(s) / %d words%n", r.file(), seconds.get(i),
                    r.transcript(), hypothesis.isEmpty() ? "(nothing)" : hypothesis, errors,
                    ErrorRates.words(r.transcript()).size());
        }
        out.printf(Locale.ROOT, "real recordings (%s): WER %.3f, CER %.3f, %d of %d strings exactly right%n",
                PackagedRecordings.PACKAGE, all.wer(), all.cer(), Math.round(all.sentenceAccuracy() * all.utterances()),
                all.utterances());
        out.flush();
        return 0;
    }
}
