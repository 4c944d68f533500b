package io.rnnsuite.speech.cli;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.io.MachineInfo;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.speech.SpeechApp;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.bench.CtcTrainingMemory;
import io.rnnsuite.speech.bench.RecognitionTiming;
import io.rnnsuite.speech.data.SpeechSource;
import io.rnnsuite.speech.model.SpeechModel;
import io.rnnsuite.speech.model.SpeechNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code speech bench}: the real-time factor of recognition (feature extraction + network +
 * decoding, per second of audio; medians of several runs) for the default models or saved ones,
 * and what one BiLSTM + CTC training batch allocates (Java heap, of it the CTC loss, and
 * ND4J's off-heap memory).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Real-time factor of recognition (features + network + decoding per second of audio) and the memory "
                + "of a BiLSTM + CTC training batch.")
public final class BenchCommand implements Callable<Integer> {

    private final SpeechApp app;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Saved models to time, repeatable (default: the default networks, untrained: one LSTM of 64 on "
                    + "isolated words, one LSTM of 64 and one BiLSTM of 64 with CTC on digit strings).")
    List<Path> models = new ArrayList<>();

    @Option(names = "--utterances", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Utterances per timed run: 1 s each for isolated words, 3 s each for digit strings "
                    + "(default: ${DEFAULT-VALUE}).")
    int utterances = 16;

    @Option(names = "--repeats", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Timed runs; figures are medians (default: ${DEFAULT-VALUE}).")
    int repeats = 7;

    @Option(names = "--warmup", paramLabel = "N", converter = Ranges.ZeroOrMore.class,
            description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(names = "--training-batch", paramLabel = "N", converter = Ranges.ZeroOrMore.class,
            description = "Utterances of 3 s in the measured BiLSTM + CTC training batch; 0 = skip that measurement "
                    + "(default: ${DEFAULT-VALUE}).")
    int trainingBatch = 16;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public BenchCommand(SpeechApp app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MachineInfo machine = MachineInfo.now();
        out.println("machine: " + machine.describe());
        machine.noiseWarning().ifPresent(out::println);
        out.flush();
        List<RecognitionTiming.Named> named = new ArrayList<>();
        if (models.isEmpty()) {
            named.addAll(defaultModels());
        } else {
            for (Path dir : models) {
                named.add(new RecognitionTiming.Named(dir.toString(), AppModels.open(app, dir).model()));
            }
        }
        RecognitionTiming.Settings settings = new RecognitionTiming.Settings(utterances, warmup, repeats);
        MarkdownTable table = new MarkdownTable("model", "audio per run", "features ms/s", "one at a time ms/s",
                "batched ms/s", "RTF one at a time", "RTF batched");
        for (RecognitionTiming.Named model : named) {
            RecognitionTiming.Result r = RecognitionTiming.measure(model.model(), settings);
            table.row(model.name(), String.format(Locale.ROOT, "%d × %.0f s", utterances, r.utteranceSeconds()),
                    ms(r.featuresMsPerSecond()), ms(r.singleMsPerSecond()), ms(r.batchedMsPerSecond()),
                    rtf(r.featuresMsPerSecond() + r.singleMsPerSecond()), rtf(r.featuresMsPerSecond() + r.batchedMsPerSecond()));
        }
        out.println("recognition (medians of " + repeats + " runs; ms of compute per second of audio; RTF = compute time / "
                + "audio time, features included; batched = " + SpeechModel.BATCH + " utterances per forward pass):");
        out.print(table.toText());
        if (trainingBatch > 0) {
            SpeechConfig strings = SpeechConfig.defaults(SpeechSource.generated(SpeechSource.DIGIT_STRINGS));
            SpeechConfig bilstm = strings.with(new RecurrentSpec(CellType.LSTM, SpeechConfig.DEFAULT_HIDDEN, 1, true, 0.0),
                    strings.training());
            CtcTrainingMemory.Result m = CtcTrainingMemory.measure(bilstm, trainingBatch, 300, warmup, repeats);
            out.println();
            out.printf(Locale.ROOT, "BiLSTM (64) + CTC training batch of %d utterances of up to %d frames (medians of %d):%n",
                    trainingBatch, m.frames(), repeats);
            out.printf(Locale.ROOT, "  fit(): %.0f ms, Java heap allocated %.1f MB per batch, of it the CTC loss %.1f MB "
                            + "(%d loss evaluations per fit)%n", m.fitMs(), mb(m.heapBytesPerFit()), mb(m.ctcHeapBytesPerFit()),
                    m.lossCallsPerFit());
            out.printf(Locale.ROOT, "  ND4J off-heap: %.1f MB in use after the batch, peak %.1f MB during it; the batch's "
                            + "features + labels are %.1f MB%n", mb(m.offHeapAfterBytes()), mb(m.offHeapPeakBytes()),
                    mb(m.batchBytes()));
        }
        out.flush();
        return 0;
    }

    /** The untrained default networks: their work per frame is that of trained ones. */
    private static List<RecognitionTiming.Named> defaultModels() {
        SpeechConfig words = SpeechConfig.defaults(SpeechSource.generated(SpeechSource.SPOKEN_DIGITS));
        SpeechConfig strings = SpeechConfig.defaults(SpeechSource.generated(SpeechSource.DIGIT_STRINGS));
        SpeechConfig bilstm = strings.with(new RecurrentSpec(CellType.LSTM, SpeechConfig.DEFAULT_HIDDEN, 1, true, 0.0),
                strings.training());
        List<RecognitionTiming.Named> out = new ArrayList<>();
        for (SpeechConfig c : List.of(words, strings, bilstm)) {
            int classes = c.ctc() ? SpeechNetwork.CTC_CLASSES - 1 : SpeechSource.SPOKEN_WORDS.size();
            List<String> vocabulary = c.ctc() ? io.rnnsuite.speech.data.DigitWords.WORDS : SpeechSource.SPOKEN_WORDS;
            SpeechModel model = new SpeechModel(SpeechNetwork.build(c, c.features().dimension(), classes), c, vocabulary);
            out.add(new RecognitionTiming.Named((c.ctc() ? "digit strings " : "isolated words ") + model.name(), model));
        }
        return out;
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String rtf(double msPerSecond) {
        return String.format(Locale.ROOT, "%.4f", msPerSecond / 1000);
    }

    private static double mb(double bytes) {
        return bytes / 1e6;
    }
}
