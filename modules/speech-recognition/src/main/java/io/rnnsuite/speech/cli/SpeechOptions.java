package io.rnnsuite.speech.cli;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.cli.DurationConverter;
import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.data.SpeechSource;
import io.rnnsuite.speech.data.TtsEngine;
import io.rnnsuite.speech.features.FeatureConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The flags of {@code speech train} and {@code speech compare} beside common's recurrent, training and run flags. */
public final class SpeechOptions implements AppOptions<SpeechConfig> {

    private static final SpeechSource WORDS = SpeechSource.generated(SpeechSource.SPOKEN_DIGITS);

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Generated speech (see --tts): spoken-digits (isolated words) or digit-strings (connected, needs "
                    + "--ctc) (default: ${DEFAULT-VALUE}).")
    public String dataset = SpeechSource.SPOKEN_DIGITS;

    @Option(names = "--tts", paramLabel = "ENGINE",
            description = "Who speaks the generated datasets: espeak (espeak-ng, many voices and accents), freetts (pure "
                    + "Java: one voice made into pseudo-speakers) or auto = espeak-ng when installed, else FreeTTS "
                    + "(default: ${DEFAULT-VALUE}).")
    public String tts = TtsEngine.AUTO.flag();

    @Option(names = "--wav-dir", paramLabel = "DIR",
            description = "Your isolated words: one sub-folder of .wav files per label (default: none).")
    public Path wavDir;

    @Option(names = "--transcripts", paramLabel = "FILE",
            description = "Your connected digits: lines 'path<TAB>words', paths relative to the file (default: none).")
    public Path transcripts;

    @Option(names = "--ctc", description = "CTC over the frames for connected digit strings (default: ${DEFAULT-VALUE}).")
    public boolean ctc;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Cache of generated speech (default: ${DEFAULT-VALUE}).")
    public Path dataDir = Path.of("data", "speech");

    @Option(names = "--train-voices", paramLabel = "N", converter = Ranges.AtLeastOne.class, description = "Generated training voices (default: ${DEFAULT-VALUE}).")
    public int trainVoices = WORDS.trainVoices();

    @Option(names = "--validation-voices", paramLabel = "N",
            description = "Generated validation voices (default: ${DEFAULT-VALUE}).")
    public int validationVoices = WORDS.validationVoices();

    @Option(names = "--test-voices", paramLabel = "N",
            description = "Generated test voices, timbres never used in training (default: ${DEFAULT-VALUE}).")
    public int testVoices = WORDS.testVoices();

    @Option(names = "--per-voice", paramLabel = "N",
            description = "Repetitions of each word (spoken-digits) or strings (digit-strings) per voice; 0 = 1 or 12 "
                    + "(default: ${DEFAULT-VALUE}).")
    public int perVoice;

    @Option(names = "--noisy-copies", paramLabel = "N", converter = Ranges.ZeroOrMore.class,
            description = "Noisy copies of each training/validation utterance (default: ${DEFAULT-VALUE}).")
    public int noisyCopies = WORDS.noisyCopies();

    @Option(names = "--snrs", paramLabel = "DB,...", split = ",",
            description = "SNRs in dB for the noisy copies and the by-SNR test (default: 20,10,5).")
    public List<Integer> snrs = new ArrayList<>(WORDS.snrs());

    @Option(names = "--features", paramLabel = "KIND", description = "mfcc (13 + deltas) or logmel (40 + deltas) "
            + "(default: ${DEFAULT-VALUE}).")
    public String features = "mfcc";

    @Option(names = "--max-seconds", paramLabel = "S", converter = Ranges.Positive.class, description = "Longest recording accepted (default: ${DEFAULT-VALUE}).")
    public double maxSeconds = SpeechConfig.DEFAULT_MAX_SECONDS;

    @Option(names = "--beam", paramLabel = "N", converter = Ranges.AtLeastOne.class, description = "CTC decoding: 1 = greedy, more = prefix beam search "
            + "(default: ${DEFAULT-VALUE}).")
    public int beam = 1;

    @Option(names = "--baseline-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Training time of the non-recurrent CTC baseline (digit strings), e.g. 90s or 3m; 0 = until its "
                    + "epochs or patience run out (default: 120s).")
    public Duration baselineBudget = Duration.ofSeconds((long) SpeechConfig.DEFAULT_BASELINE_SECONDS);

    /** The data source these flags name. */
    public SpeechSource toSource() {
        boolean connected = transcripts != null || (wavDir == null && SpeechSource.DIGIT_STRINGS.equals(dataset));
        int repetitions = perVoice > 0 ? perVoice : connected ? 12 : 1;
        return new SpeechSource(dataset, wavDir, transcripts, dataDir, trainVoices, validationVoices, testVoices, repetitions,
                noisyCopies, snrs, TtsEngine.parse(tts));
    }

    @Override
    public SpeechConfig toConfig(RecurrentSpec spec, TrainingConfig training) {
        FeatureConfig.Kind kind;
        try {
            kind = FeatureConfig.Kind.valueOf(features.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--features " + features + ": expected mfcc or logmel");
        }
        return new SpeechConfig(toSource(), ctc, FeatureConfig.defaults().withKind(kind), maxSeconds, beam,
                baselineBudget.toMillis() / 1000.0, spec, training);
    }
}
