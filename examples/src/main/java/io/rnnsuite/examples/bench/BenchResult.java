package io.rnnsuite.examples.bench;

/**
 * One row of {@code bench.json}: one case, one implementation, one thread count. Written with
 * snake_case names ({@code train_ms}); {@code scripts/bench/pytorch_reference.py} writes the same
 * fields with {@code impl = "pytorch"}. Times are medians of the timed repetitions; every number
 * is {@code null} in a skipped row, whose {@code skipped} says why.
 *
 * @param caseName             the case's name
 * @param spec                 its {@code variant:BxTxIxH[xLAYERS]}
 * @param cell                 simple_rnn, lstm or gru
 * @param bidirectional        both directions, concatenated
 * @param layers               stacked recurrent layers
 * @param batch                B
 * @param steps                T
 * @param inputs               I
 * @param hidden               H per direction
 * @param outputs              width of the per-step regression head
 * @param impl                 fast, stock (DL4J) or pytorch
 * @param threads              OpenMP / BLAS / intra-op threads of the process
 * @param trainMs              one training batch: forward, backward and Adam update
 * @param inferMs              one inference batch (no gradients)
 * @param latencyMs            inference on one sequence (B = 1)
 * @param trainSeqPerS         sequences trained per second
 * @param trainStepsPerS       time steps trained per second (sequences × T)
 * @param inferSeqPerS         sequences inferred per second
 * @param trainGflopPerBatch   credited training GFLOP per batch ({@link RecurrentFlops})
 * @param trainGflops          credited training GFLOP per second
 * @param peakGflops           the same process's measured sgemm peak
 * @param peakShare            trainGflops / peakGflops
 * @param peakMemoryMib        memory the network needs to train ({@link NetworkMemory}: peak off-heap
 *                             arrays + ND4J workspaces + reachable heap, above the level before; PyTorch: null)
 * @param skipped              why there are no figures, or null
 */
public record BenchResult(String caseName, String spec, String cell, boolean bidirectional, int layers, int batch,
                          int steps, int inputs, int hidden, int outputs, String impl, int threads,
                          Double trainMs, Double inferMs, Double latencyMs, Double trainSeqPerS, Double trainStepsPerS,
                          Double inferSeqPerS, Double trainGflopPerBatch, Double trainGflops, Double peakGflops,
                          Double peakShare, Double peakMemoryMib, String skipped) {

    /** A measured row; the rates are derived from the three median times. */
    static BenchResult measured(BenchCase c, int outputs, String impl, int threads, double trainMs, double inferMs,
                                double latencyMs, double peakGflops, double peakMemoryMib) {
        double trainGflop = RecurrentFlops.trainingPerBatch(c) / 1e9;
        double trainGflops = trainGflop / (trainMs / 1e3);
        return new BenchResult(c.name(), c.spec(), c.cell().cliName(), c.bidirectional(), c.layers(), c.batch(), c.steps(),
                c.inputs(), c.hidden(), outputs, impl, threads, trainMs, inferMs, latencyMs,
                c.batch() / (trainMs / 1e3), (double) c.batch() * c.steps() / (trainMs / 1e3), c.batch() / (inferMs / 1e3),
                trainGflop, trainGflops, peakGflops, trainGflops / peakGflops, peakMemoryMib, null);
    }

    /** A row without figures. */
    static BenchResult skipped(BenchCase c, int outputs, String impl, int threads, String reason) {
        return new BenchResult(c.name(), c.spec(), c.cell().cliName(), c.bidirectional(), c.layers(), c.batch(), c.steps(),
                c.inputs(), c.hidden(), outputs, impl, threads, null, null, null, null, null, null, null, null, null, null,
                null, reason);
    }
}
