package io.rnnsuite.examples.bench;

import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.data.CharSequenceBatches;
import io.rnnsuite.charlm.data.PreparedCorpus;
import io.rnnsuite.charlm.model.CharLmNetworks;
import io.rnnsuite.charlm.model.RnnCharModel;
import io.rnnsuite.common.NativeThreads;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.cli.DurationConverter;
import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.train.EpochStats;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.StopReason;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rnn-suite bench time-to-target}: trains the char-LM's default model (2-layer LSTM(128),
 * sequences of 100 from random offsets, truncated BPTT 50, batch 32, Adam 0.005, per-layer
 * gradient clipping 1.0) on europarl-en until its validation bits per character reach a target,
 * validating every {@code --validate-every} minibatches, and prints the seconds it took (training
 * and validation passes, as an epoch's time counts them) and where they went: the first
 * minibatch, the rest of the first validation interval, the median minibatch and validation pass
 * after it (the report's {@code breakdown}; start-up costs such as the JIT's show in the first). With {@code --python}, the same model on
 * the same split (written beside the report as little-endian int32 files) trains in PyTorch under
 * the same schedule (scripts/bench/pytorch_time_to_target.py), and the two times are printed side
 * by side.
 */
@Command(name = "time-to-target", mixinStandardHelpOptions = true,
        description = "Seconds for the char-LM's default model to reach a validation bits per character, beside PyTorch's.")
public final class TimeToTargetCommand implements Callable<Integer> {

    static final String SCRIPT = "scripts/bench/pytorch_time_to_target.py";

    @Option(names = "--target-bpc", paramLabel = "BPC", converter = Ranges.Positive.class,
            description = "Validation bits per character to reach (default: ${DEFAULT-VALUE}).")
    double targetBpc = 2.0;

    @Option(names = "--budget", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Give up after this much training: 90s, 10m (default: 20m).")
    Duration budget = Duration.ofMinutes(20);

    @Option(names = "--validate-every", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Minibatches between validation passes (default: ${DEFAULT-VALUE}).")
    int validateEvery = 50;

    @Option(names = "--corpus", paramLabel = "NAME", description = "Bundled corpus (default: ${DEFAULT-VALUE}).")
    String corpus = CharLmConfig.defaults().corpus();

    @Option(names = "--text", paramLabel = "FILE", description = "Train on this UTF-8 text file instead of a bundled corpus.")
    Path text;

    @Option(names = "--hidden", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Units per layer (default: ${DEFAULT-VALUE}, the app's default).")
    int hidden = CharLmConfig.defaults().recurrentSpec().hiddenSize();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--threads", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Threads for both sides (ND4J and OpenBLAS here, torch.set_num_threads there) (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--python", paramLabel = "PATH",
            description = "A Python with torch: also train the same model in PyTorch (default: none, DL4J only).")
    Path python;

    @Option(names = "--script", paramLabel = "FILE", description = "The PyTorch side (default: ${DEFAULT-VALUE}).")
    Path script = Path.of(SCRIPT);

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the split and the report go (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("reports", "time-to-target");

    @Override
    public Integer call() throws IOException {
        CharLmConfig defaults = CharLmConfig.defaults();
        TrainingConfig base = defaults.training();
        TrainingConfig training = new TrainingConfig(Integer.MAX_VALUE / 2, base.batchSize(), base.learningRate(), Integer.MAX_VALUE / 2,
                base.clipNorm(), seed, validateEvery, budget.toMillis() / 1000.0);
        CharLmConfig config = new CharLmConfig(text == null ? corpus : null, text == null ? null : text.toString(),
                defaults.recurrentSpec().withHiddenSize(hidden), defaults.sequenceLength(), defaults.tbpttLength(),
                defaults.minCharCount(), defaults.validationFraction(), defaults.testFraction(), training);
        NativeThreads.apply(threads);
        NativeThreads.applyBlas(threads);
        Files.createDirectories(outputDir);
        PreparedCorpus data = new CharLmApp().load(config);
        int vocabulary = data.vocabulary().size();
        double targetNats = targetBpc * Math.log(2);
        CharSequenceBatches batches = new CharSequenceBatches(data.train(), vocabulary, config.sequenceLength(), training.batchSize());
        // a text shorter than the validation interval is validated after each pass over it, on both sides
        int every = Math.min(validateEvery, batches.batchesPerEpoch());
        writeSplit(data, config, targetNats, every);

        MultiLayerNetwork net = CharLmNetworks.create(config, vocabulary, training);
        RnnCharModel scorer = new RnnCharModel(net, vocabulary, "lstm");
        PhaseTimes phases = new PhaseTimes();
        TrainingResult result = new Trainer(training, phases).until(loss -> loss <= targetNats)
                .train(TrainableNetwork.of(net), batches, network -> phases.validation(
                        () -> scorer.evaluate(data.validation()).crossEntropy()), null, false);
        Map<String, Object> dl4j = outcome(result, targetNats);
        dl4j.put("breakdown", phases.breakdown());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("target_bpc", targetBpc);
        report.put("validate_every_minibatches", every);
        report.put("threads", threads);
        report.put("dl4j_fast", dl4j);
        System.out.println(line("DL4J fast layers", dl4j));
        System.out.println(breakdownLine(dl4j));
        if (python != null) {
            Map<String, Object> torch = runPython();
            report.put("pytorch", torch);
            System.out.println(line("PyTorch " + torch.getOrDefault("torch_version", "?"), torch));
            System.out.println(breakdownLine(torch));
            Object a = dl4j.get("seconds_to_target");
            Object b = torch.get("seconds_to_target");
            if (a instanceof Number x && b instanceof Number y) {
                System.out.printf(Locale.ROOT, "PyTorch / DL4J time to target: %.2f (above 1: DL4J is faster)%n",
                        y.doubleValue() / x.doubleValue());
            }
        }
        Json.write(outputDir.resolve("time-to-target.json"), report);
        System.out.println("wrote " + outputDir.resolve("time-to-target.json"));
        return 0;
    }

    /** What one side's run says: reached or not, seconds and updates to the target, the curve. */
    static Map<String, Object> outcome(TrainingResult result, double targetNats) {
        Map<String, Object> map = new LinkedHashMap<>();
        double seconds = 0;
        Double toTarget = null;
        Long minibatches = null;
        List<double[]> curve = new ArrayList<>();
        for (EpochStats e : result.history()) {
            seconds += e.seconds();
            curve.add(new double[] {seconds, e.updates(), e.validationLoss() / Math.log(2)});
            if (toTarget == null && e.validationLoss() <= targetNats) {
                toTarget = seconds;
                minibatches = e.updates();
            }
        }
        map.put("reached", result.stopReason() == StopReason.TARGET_REACHED || toTarget != null);
        map.put("seconds_to_target", toTarget);
        map.put("minibatches_to_target", minibatches);
        map.put("seconds", seconds);
        map.put("best_validation_bpc", result.bestValidationLoss() / Math.log(2));
        map.put("curve_seconds_minibatches_bpc", curve);
        return map;
    }

    private static String line(String side, Map<String, Object> outcome) {
        return Boolean.TRUE.equals(outcome.get("reached"))
                ? String.format(Locale.ROOT, "%s: target reached in %.1f s (%s minibatches, validation passes included)", side,
                        ((Number) outcome.get("seconds_to_target")).doubleValue(), outcome.get("minibatches_to_target"))
                : String.format(Locale.ROOT, "%s: target not reached in %.1f s (best %.3f bpc)", side,
                        ((Number) outcome.get("seconds")).doubleValue(), ((Number) outcome.get("best_validation_bpc")).doubleValue());
    }

    /**
     * Where a side's seconds went, from its report's {@code breakdown} (both sides write the same
     * keys): its first minibatch, the rest of its first validation interval, the median minibatch
     * after that, and its validation passes; a placeholder line when the side did not report them.
     */
    static String breakdownLine(Map<String, Object> outcome) {
        if (!(outcome.get("breakdown") instanceof Map<?, ?> b) || !(b.get("first_minibatch_seconds") instanceof Number first)) {
            return "  (no breakdown reported)";
        }
        return String.format(Locale.ROOT, "  first minibatch %.3f s, first interval's minibatches %.2f s, then median %.1f ms;"
                        + " validation first %.3f s, then median %.3f s",
                first.doubleValue(), number(b.get("first_interval_minibatches_seconds")),
                1000 * number(b.get("later_minibatch_median_seconds")), number(b.get("first_validation_seconds")),
                number(b.get("later_validation_median_seconds")));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Times each minibatch (from the end of the one before, or the interval's start: building it
     * and fitting it) and each validation pass of a run, for the report's {@code breakdown}.
     */
    static final class PhaseTimes implements ProgressReporter {
        private final List<Double> firstInterval = new ArrayList<>();
        private final List<Double> later = new ArrayList<>();
        private final List<Double> validations = new ArrayList<>();
        private long last;

        @Override
        public void epochStarted(int epoch, int maxEpochs, int batches) {
            last = System.nanoTime();
        }

        @Override
        public void batchFinished(int batch, double loss) {
            long now = System.nanoTime();
            (validations.isEmpty() ? firstInterval : later).add((now - last) / 1e9);
            last = now;
        }

        double validation(java.util.function.DoubleSupplier pass) {
            long start = System.nanoTime();
            double loss = pass.getAsDouble();
            validations.add((System.nanoTime() - start) / 1e9);
            return loss;
        }

        Map<String, Object> breakdown() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("first_minibatch_seconds", firstInterval.isEmpty() ? null : firstInterval.get(0));
            map.put("first_interval_minibatches_seconds", firstInterval.stream().mapToDouble(Double::doubleValue).sum());
            map.put("later_minibatch_median_seconds", median(later));
            map.put("first_validation_seconds", validations.isEmpty() ? null : validations.get(0));
            map.put("later_validation_median_seconds", median(validations.size() > 1 ? validations.subList(1, validations.size()) : List.of()));
            return map;
        }

        private static Double median(List<Double> values) {
            if (values.isEmpty()) {
                return null;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }

    /** train.i32 / validation.i32 (little-endian int32 symbol indices) and split.json with the schedule. */
    private void writeSplit(PreparedCorpus data, CharLmConfig config, double targetNats, int every) throws IOException {
        writeInts(outputDir.resolve("train.i32"), data.train());
        writeInts(outputDir.resolve("validation.i32"), data.validation());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("vocabulary_size", data.vocabulary().size());
        split.put("hidden", config.recurrentSpec().hiddenSize());
        split.put("layers", config.recurrentSpec().layers());
        split.put("sequence_length", config.sequenceLength());
        split.put("tbptt_length", config.tbpttLength());
        split.put("batch_size", config.training().batchSize());
        split.put("learning_rate", config.training().learningRate());
        split.put("clip_norm_per_layer", config.training().clipNorm());
        split.put("validate_every", every);
        split.put("validation_streams", 32);
        split.put("target_nats", targetNats);
        split.put("budget_seconds", budget.toMillis() / 1000.0);
        split.put("seed", seed);
        split.put("threads", threads);
        Json.write(outputDir.resolve("split.json"), split);
    }

    private static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        AtomicFiles.write(file, tmp -> Files.write(tmp, bytes.array()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> runPython() throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new UserInputException(script + " not found: run from the repository root or give --script FILE");
        }
        Path out = outputDir.resolve("pytorch.json");
        Files.deleteIfExists(out);
        ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString(), "--split", outputDir.toString(),
                "--output", out.toString()).inheritIO();
        String n = Integer.toString(threads);
        pb.environment().put("OMP_NUM_THREADS", n);
        pb.environment().put("MKL_NUM_THREADS", n);
        pb.environment().put("OPENBLAS_NUM_THREADS", n);
        try {
            int rc = pb.start().waitFor();
            if (rc != 0 || !Files.isRegularFile(out)) {
                throw new UserInputException(python + " " + script + " failed (exit code " + rc + "); is torch installed there?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while PyTorch was training");
        } catch (IOException e) {
            throw new UserInputException("cannot run " + python + ": " + e.getMessage());
        }
        try {
            return Json.MAPPER.readValue(out.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out, e);
        }
    }
}
