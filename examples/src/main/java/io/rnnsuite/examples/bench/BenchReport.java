package io.rnnsuite.examples.bench;

import io.rnnsuite.common.io.MachineInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.report.MarkdownTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench.json}: the schema {@code scripts/bench/pytorch_reference.py} writes too (all names
 * snake_case), so {@code scripts/bench/compare.sh} reads both alike.
 *
 * @param schema    {@value #SCHEMA}
 * @param framework {@code dl4j} or {@code pytorch}
 * @param date      when the run began (ISO-8601)
 * @param machine   the machine and its load
 * @param settings  the measurement policy
 * @param results   one row per case, implementation and thread count
 * @param sampling  characters per second of the char-LM's default model ({@link SamplingBenchmark}), one row per
 *                  implementation and thread count; empty when not measured
 * @param notes     what the figures mean (FLOP formulas, network, policy)
 */
public record BenchReport(String schema, String framework, String date, MachineInfo machine, Settings settings,
                          List<BenchResult> results, List<SamplingBenchmark.SamplingResult> sampling, List<String> notes) {

    public BenchReport {
        sampling = sampling == null ? List.of() : List.copyOf(sampling);
    }

    public static final String SCHEMA = "rnn-suite-bench/1";

    /** snake_case JSON, shared with the Python script. */
    static final ObjectMapper MAPPER = Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /**
     * The measurement policy.
     *
     * @param warmup      untimed training batches and inference calls per implementation (at least 1)
     * @param warmupSeconds and untimed training for at least this many seconds per implementation (0: none):
     *                    a JVM reaches its compiled steady state only after many calls of the small shapes
     * @param repeats     timed repetitions; figures are their median
     * @param repeatSeconds each repetition repeats its call for at least this long and counts the
     *                    mean per call (0: one call)
     * @param quick       the smoke-test setting (figures meaningless)
     * @param outputs     width of the per-step MSE regression head
     * @param gemmSize    n of the n×n×n sgemm that measures the peak (its best of several runs)
     * @param threads     the thread counts measured, each in its own process
     * @param sampleChars characters drawn per repetition of the sampling case (0: not measured)
     */
    public record Settings(int warmup, double warmupSeconds, int repeats, double repeatSeconds, boolean quick, int outputs, int gemmSize, List<Integer> threads,
                           int sampleChars) {
    }

    /** What every report states beside its figures. */
    public static List<String> standardNotes() {
        return List.of(
                "network: input [B, I, T] -> recurrent stack -> per-step dense head of " + RecurrentBenchmark.OUTPUTS
                        + " outputs (identity, MSE); float32, Adam 1e-3, no clipping, no dropout; fixed random inputs",
                "train = forward + backward + Adam update of one batch; infer = one batch without gradients; "
                        + "latency = inference of one sequence (B = 1): fast through FastForward (the apps' single-request "
                        + "path, no DL4J call), stock through net.output; all medians of the timed repetitions",
                "credited FLOPs (matrix products only) per sample, step, direction and layer: forward 2*G*H*(I+H) with "
                        + "G = 1 (SimpleRnn), 3 (GRU), 4 (LSTM); training = 3 x forward (credited: neither PyTorch nor the fast "
                        + "layers compute the gradient for the features, which nothing uses; stock DL4J does)",
                "thr = threads n the process may use (OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = n): stock runs ND4J's "
                        + "ops and BLAS on n threads; fast runs with --blas-threads n (on MKL with n >= 2: each layer's "
                        + "pass split between two threads, BLAS on one, layers with recurrent weights over 640 KiB on MKL's "
                        + "own n threads; on OpenBLAS: its n threads) and ND4J's remaining ops (output layer, updater) on 1, "
                        + "since ND4J's OpenMP threads with 2 made the fast LSTM(128) case 1.8x slower (171 vs 302 ms, 2026-11-22)",
                "% peak = training GFLOP/s / the best GFLOP/s of an n x n x n cblas_sgemm in the same process and threads",
                "peak MiB = memory the network needs, above what was in use before: the most off-heap arrays while "
                        + "building and warming up, plus the ND4J workspaces and the reachable Java heap after warm-up "
                        + "(garbage not counted)",
                SamplingBenchmark.NAME + ": charlm sample on the char-LM default model (2-layer LSTM(128), softmax over "
                        + SamplingBenchmark.VOCABULARY + " symbols, untrained): a prime of " + SamplingBenchmark.PRIME
                        + " characters, then the drawn characters one step each at temperature 1; chars/s = drawn "
                        + "characters / time of the whole call, median of the repetitions (chars/CPU-s: over the sampling thread's CPU "
                        + "time instead); fast = charlm sample's path with "
                        + "the fast layers, fast-rnntimestep = the same network through DL4J's rnnTimeStep, stock = DL4J's "
                        + "layers through rnnTimeStep");
    }

    /** The results as a table (console text or markdown). */
    public MarkdownTable table() {
        MarkdownTable table = new MarkdownTable("case", "shape", "impl", "thr", "train ms", "seq/s", "steps/s", "infer ms",
                "B=1 ms", "GFLOP/s", "% peak", "peak GFLOP/s", "peak MiB");
        for (BenchResult r : results) {
            if (r.skipped() != null) {
                table.row(r.caseName(), r.spec(), r.impl(), r.threads(), "–", "–", "–", "–", "–", "–", "–", "–", "–");
                continue;
            }
            table.row(r.caseName(), r.spec(), r.impl(), r.threads(), r.trainMs(), r.trainSeqPerS(), r.trainStepsPerS(),
                    r.inferMs(), r.latencyMs(), r.trainGflops(), 100 * r.peakShare(), r.peakGflops(),
                    r.peakMemoryMib() == null ? Double.NaN : r.peakMemoryMib());
        }
        return table;
    }

    /** The sampling rows as a table (empty when none). */
    public MarkdownTable samplingTable() {
        MarkdownTable table = new MarkdownTable("case", "shape", "impl", "thr", "chars/s", "ms/char", "chars/CPU-s");
        for (SamplingBenchmark.SamplingResult r : sampling) {
            table.row(r.caseName(), r.spec(), r.impl(), r.threads(), r.charsPerS(), r.msPerChar(), r.charsPerCpuS());
        }
        return table;
    }

    /** Why rows have no figures, one line each (no repeats). */
    public List<String> skippedReasons() {
        List<String> lines = new ArrayList<>();
        for (BenchResult r : results) {
            String line = r.caseName() + " " + r.impl() + ": " + r.skipped();
            if (r.skipped() != null && !lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** What the console shows: machine, table, skipped rows. */
    public String console() {
        StringBuilder text = new StringBuilder("machine: ").append(machine.describe()).append('\n');
        machine.noiseWarning().ifPresent(w -> text.append(w).append('\n'));
        text.append(table().toText());
        if (!sampling.isEmpty()) {
            text.append('\n').append(samplingTable().toText());
        }
        skippedReasons().forEach(line -> text.append("skipped: ").append(line).append('\n'));
        return text.toString();
    }

    /** bench.md: the same, with the notes. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# rnn-suite bench\n\n");
        md.append("- date: ").append(date).append('\n');
        md.append("- machine: ").append(machine.describe()).append('\n');
        md.append("- settings: warm-up ").append(settings.warmup()).append(" batches and at least ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", settings.warmupSeconds())).append(" s, repeats ").append(settings.repeats())
                .append(String.format(java.util.Locale.ROOT, " of at least %.2f s each", settings.repeatSeconds()))
                .append(settings.quick() ? " (--quick: figures are meaningless)" : "").append('\n');
        machine.noiseWarning().ifPresent(w -> md.append("- **").append(w).append("**\n"));
        md.append('\n').append(table().toMarkdown()).append('\n');
        if (!sampling.isEmpty()) {
            md.append(samplingTable().toMarkdown()).append('\n');
        }
        for (String line : skippedReasons()) {
            md.append("- skipped: ").append(line).append('\n');
        }
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    /** Writes {@code bench.json} and {@code bench.md} into {@code dir}. */
    public void write(Path dir) throws IOException {
        writeJson(dir.resolve("bench.json"));
        AtomicFiles.writeString(dir.resolve("bench.md"), markdown());
    }

    void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(this) + "\n");
    }

    static BenchReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), BenchReport.class);
    }
}
