package io.rnnsuite.speech;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppInfo;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.app.DataSummary;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.Metric;
import io.rnnsuite.common.app.RnnApp;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.app.Trained;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.WavReader;
import io.rnnsuite.speech.baseline.FrameContextCtcBaseline;
import io.rnnsuite.speech.baseline.MajorityBaseline;
import io.rnnsuite.speech.baseline.PooledFeatureClassifier;
import io.rnnsuite.speech.cli.BenchCommand;
import io.rnnsuite.speech.cli.SpeechOptions;
import io.rnnsuite.speech.cli.TransferCommand;
import io.rnnsuite.speech.ctc.CtcDecoder;
import io.rnnsuite.speech.data.DigitWords;
import io.rnnsuite.speech.data.EspeakGenerator;
import io.rnnsuite.speech.data.FreettsGenerator;
import io.rnnsuite.speech.data.SpeechCorpus;
import io.rnnsuite.speech.data.SpeechData;
import io.rnnsuite.speech.data.SpeechSource;
import io.rnnsuite.speech.data.TtsEngine;
import io.rnnsuite.speech.features.FeatureExtractor;
import io.rnnsuite.speech.model.SpeechByLength;
import io.rnnsuite.speech.model.SpeechEvaluation;
import io.rnnsuite.speech.model.SpeechModel;
import io.rnnsuite.speech.model.SpeechNetwork;
import io.rnnsuite.speech.model.SpeechTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Speech recognition on the app contract: audio → MFCC (or log-mel) frames → a recurrent stack →
 * one word per utterance (mean over frames, softmax) or, with {@code --ctc}, the digits of a
 * connected string (a softmax over blank + ten digits per frame, CTC loss, greedy or prefix-beam
 * decoding). Scored by word error rate beside a majority and a pooled-MFCC logistic regression
 * baseline, clean and at every test SNR.
 */
public class SpeechApp implements RnnApp<SpeechConfig, SpeechData, SpeechModel> {

    /** The id recorded in run.json and checked when a model directory is opened. */
    public static final String ID = "speech-recognition";
    /** Ranked by word error rate: 1 − accuracy for isolated words, edits / words for digit strings. */
    public static final Metric WER = new Metric("wer", "test word error rate", true);

    @Override
    public AppInfo info() {
        return new AppInfo("speech", ID, "Speech recognition",
                "Spoken words and digit strings (CTC) from audio with SimpleRnn / LSTM / GRU (one or both directions).");
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public AppOptions<SpeechConfig> newOptions() {
        return new SpeechOptions();
    }

    /** Generated spoken digits; with {@code quick} 20 training voices, 2 each for validation and test, a small LSTM. */
    @Override
    public SpeechConfig defaults(boolean quick) {
        SpeechConfig config = SpeechConfig.defaults(SpeechSource.generated(SpeechSource.SPOKEN_DIGITS));
        if (!quick) {
            return config;
        }
        TrainingConfig t = config.training();
        return config.withSource(config.source().withVoices(20, 2, 2, 1))
                .with(new RecurrentSpec(config.recurrent().cell(), 32, 1, false, 0.0),
                        new TrainingConfig(5, t.batchSize(), t.learningRate(), t.patience(), t.clipNorm(), t.seed(), 0, 0));
    }

    @Override
    public Class<SpeechConfig> configType() {
        return SpeechConfig.class;
    }

    @Override
    public RecurrentSpec spec(SpeechConfig config) {
        return config.recurrent();
    }

    @Override
    public TrainingConfig training(SpeechConfig config) {
        return config.training();
    }

    @Override
    public SpeechConfig with(SpeechConfig config, RecurrentSpec spec, TrainingConfig training) {
        return config.with(spec, training);
    }

    @Override
    public SpeechData load(SpeechConfig config) {
        return SpeechCorpus.load(config.source(), config.features(), config.maxSeconds(), config.training().seed());
    }

    @Override
    public DataSummary describe(SpeechConfig config, SpeechData data) {
        return new DataSummary(data.name(), data.source(), data.sha256(), data.details());
    }

    @Override
    public Trained<SpeechModel> train(SpeechConfig config, SpeechData data, TrainContext context) {
        MultiLayerNetwork network = SpeechNetwork.build(config, config.features().dimension(), data.vocabulary().size());
        TrainingResult result = SpeechTraining.fit(network, config.ctc(), config.training(), data, context.progress(),
                context.outputDir(), context.resume());
        return new Trained<>(new SpeechModel(network, config, data.vocabulary()), result, network.numParams(), 0);
    }

    @Override
    public Evaluation evaluate(SpeechModel model, SpeechData data) {
        if (!model.vocabulary().equals(data.vocabulary())) {
            throw new UserInputException("the data's labels " + data.vocabulary() + " differ from the model's " + model.vocabulary());
        }
        return SpeechEvaluation.of(model, false, data);
    }

    @Override
    public List<Evaluation> baselines(SpeechConfig config, SpeechData data) {
        List<Evaluation> out = new ArrayList<>();
        out.add(SpeechEvaluation.of(MajorityBaseline.fit(data), true, data));
        if (data.connected()) {
            out.add(SpeechEvaluation.of(FrameContextCtcBaseline.fit(config, data), true, data));
        } else {
            out.add(SpeechEvaluation.of(PooledFeatureClassifier.fit(data, config.training().seed()), true, data));
        }
        return out;
    }

    /**
     * Digit strings: WER by the number of digits; isolated words: accuracy by duration (see
     * {@link SpeechByLength}), over every test utterance.
     */
    @Override
    public LengthBreakdown byLength(SpeechModel model, SpeechData data) {
        return SpeechByLength.of(model, data, model.config().features().hopMs());
    }

    @Override
    public Metric primaryMetric() {
        return WER;
    }

    @Override
    public void save(SpeechModel model, ModelDirectory dir) throws IOException {
        model.saveSideFiles(dir);
    }

    @Override
    public SpeechModel load(SpeechConfig config, ModelDirectory dir) {
        return SpeechModel.load(config, dir);
    }

    @Override
    public String predictInput() {
        return "FILE.wav";
    }

    /**
     * One line per WAV file: {@code FILE<TAB>word<TAB>p=0.931} (isolated) or
     * {@code FILE<TAB>three five<TAB>three=0.98 five=0.91} (connected: each word's confidence).
     */
    @Override
    public List<String> predict(SpeechModel model, List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new UserInputException("no recordings to recognise: give .wav files as arguments");
        }
        FeatureExtractor extractor = new FeatureExtractor(model.config().features());
        List<float[][]> features = new ArrayList<>();
        for (String input : inputs) {
            Audio audio = WavReader.read(Path.of(input), model.config().maxSeconds());
            features.add(extractor.features(audio));
        }
        List<String> lines = new ArrayList<>();
        if (model.config().ctc()) {
            List<double[][]> posteriors = model.framePosteriors(features);
            for (int i = 0; i < inputs.size(); i++) {
                CtcDecoder.Decoded d = model.decode(posteriors.get(i));
                StringBuilder confidence = new StringBuilder();
                for (int k = 0; k < d.labels().length; k++) {
                    confidence.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s=%.2f",
                            DigitWords.WORDS.get(d.labels()[k] - 1), d.confidence()[k]));
                }
                lines.add(inputs.get(i) + "\t" + DigitWords.text(d.labels()) + "\t" + confidence);
            }
        } else {
            double[][] p = model.probabilities(features);
            for (int i = 0; i < inputs.size(); i++) {
                int best = 0;
                for (int c = 1; c < p[i].length; c++) {
                    best = p[i][c] > p[i][best] ? c : best;
                }
                lines.add(String.format(Locale.ROOT, "%s\t%s\tp=%.3f", inputs.get(i), model.vocabulary().get(best), p[i][best]));
            }
        }
        return lines;
    }

    @Override
    public String setup(SpeechConfig config, DataSummary data) {
        SpeechSource s = config.source();
        String what = s.isGenerated() ? generatedSetup(s, data)
                : "your recordings in " + s.describe() + ", split per label (seeded): 10 % test, 10 % validation";
        return String.format(Locale.ROOT, "%s; %s training / %s validation / %s test utterances; each training utterance "
                        + "also with %d noisy cop%s, every test utterance clean and at %s dB SNR (noise made here). "
                        + "Features: %s, 25 ms frames every 10 ms, normalised per utterance. %s Ranked by test word error "
                        + "rate%s.", what, data.details().get("train"), data.details().get("validation"),
                data.details().get("test"), s.noisyCopies(), s.noisyCopies() == 1 ? "y" : "ies", s.snrs(),
                config.features().kind() == io.rnnsuite.speech.features.FeatureConfig.Kind.MFCC ? "13 MFCCs + deltas + delta-deltas"
                        : "40 log-mel energies + deltas + delta-deltas",
                config.ctc() ? "CTC over blank + ten digits, " + (config.beamWidth() == 1 ? "greedy decoding."
                        : "prefix beam search of width " + config.beamWidth() + ".")
                        : "One word per utterance: mean over the frames, softmax.",
                config.ctc() ? " (edits over reference digits)" : " (1 − accuracy)");
    }

    /** {@code rnn-suite compare}: spoken digits, and the digit strings with CTC unless quick. */
    @Override
    public List<SpeechConfig> compareConfigs(boolean quick) {
        SpeechConfig words = defaults(quick);
        if (quick) {
            return List.of(words);
        }
        return List.of(words, SpeechConfig.defaults(SpeechSource.generated(SpeechSource.DIGIT_STRINGS)));
    }

    /**
     * Which engine spoke a generated set and why: espeak-ng's voices, or FreeTTS's pseudo-speakers
     * because espeak-ng is not installed (or {@code --tts freetts} asked for them).
     */
    static String generatedSetup(SpeechSource s, DataSummary data) {
        Object generator = data.details().getOrDefault("generator", EspeakGenerator.NAME);
        if (!FreettsGenerator.NAME.equals(data.details().get("tts"))) {
            return String.format(Locale.ROOT, "%s generated with %s: %d training voices, %d validation voices and %d test "
                            + "voices whose timbres never occur in training (speaker-independent)", s.dataset(), generator,
                    s.trainVoices(), s.validationVoices(), s.testVoices());
        }
        String why = TtsEngine.FREETTS.flag().equals(data.details().get("tts_requested")) ? "asked for with --tts freetts"
                : "espeak-ng is not installed";
        return String.format(Locale.ROOT, "%s generated with %s (%s; espeak-ng's many voices and accents would make a "
                        + "more varied set): its one voice made into %d training, %d validation and %d test pseudo-speakers "
                        + "by formant scaling (vocal-tract length), pitch, tempo and spectral tilt; the test pseudo-speakers' "
                        + "formant scales never occur in training (speaker-independent)", s.dataset(), generator, why,
                s.trainVoices(), s.validationVoices(), s.testVoices());
    }

    /** {@code speech transfer} (real recordings) and {@code speech bench} (real-time factor, training memory). */
    @Override
    public List<Object> extraCommands() {
        return List.of(new TransferCommand(this), new BenchCommand(this));
    }

    /** Metrics by test condition, for reports. */
    public static Map<String, Double> byCondition(Evaluation e, String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        e.metrics().forEach((k, v) -> {
            if (k.startsWith(prefix + "_")) {
                out.put(k.substring(prefix.length() + 1), v);
            }
        });
        return out;
    }
}
