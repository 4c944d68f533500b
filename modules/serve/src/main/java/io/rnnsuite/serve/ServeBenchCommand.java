package io.rnnsuite.serve;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.report.MarkdownTable;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rnn-suite serve bench}: starts the server in this process on a free loopback port over
 * {@code --models}, then for each endpoint of each model sends {@code --clients} × {@code --requests}
 * requests and prints latency percentiles, throughput and errors, and the heap in use (after a
 * GC) before and after. Loopback only; the counts are bounded.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load benchmark: N concurrent clients x M requests per endpoint against a local server over --models;"
                + " p50/p99 latency, throughput, errors, heap before and after.")
public final class ServeBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Directory of model directories to serve (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--clients", converter = Ranges.AtLeastOne.class, paramLabel = "N", defaultValue = "4",
            description = "Concurrent clients, 1..64 (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", converter = Ranges.AtLeastOne.class, paramLabel = "M", defaultValue = "50",
            description = "Requests per client and endpoint, 1..10000 (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--workers", converter = Ranges.AtLeastOne.class, paramLabel = "N", defaultValue = "4",
            description = "The server's worker threads (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--warmup", converter = Ranges.ZeroOrMore.class, paramLabel = "N", defaultValue = "5",
            description = "Untimed requests per endpoint first (default: ${DEFAULT-VALUE}).")
    int warmup;

    /** One endpoint to load. */
    record Target(String model, String endpoint, String path, String contentType, byte[] body) {
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || clients > 64 || requests < 1 || requests > 10_000 || warmup < 0 || warmup > 1000) {
            throw new UserInputException("--clients must be 1..64, --requests 1..10000 and --warmup 0..1000");
        }
        PrintWriter out = spec.commandLine().getOut();
        ModelCatalog catalog = ModelCatalog.load(models, line -> System.err.println("warning: " + line));
        if (catalog.all().isEmpty()) {
            throw new UserInputException("no model directories under " + models + " to benchmark");
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int errors = 0;
        try (PlaygroundServer server = PlaygroundServer.start(catalog, models, ServeCommand.LOOPBACK, 0, workers,
                ServeLimits.defaults(), System.err)) {
            List<Target> targets = targets(catalog);
            for (Target t : targets) {
                if (warmup > 0) {
                    LoadBenchmark.run(URI.create(server.baseUrl() + t.path()), t.contentType(), t.body(), 1, warmup);
                }
            }
            long heapBefore = usedHeapAfterGc(memory);
            MarkdownTable table = new MarkdownTable("model", "endpoint", "requests", "errors", "p50 ms", "p99 ms", "requests/s");
            for (Target t : targets) {
                LoadBenchmark.Result r = LoadBenchmark.run(URI.create(server.baseUrl() + t.path()), t.contentType(), t.body(),
                        clients, requests);
                errors += r.errors();
                table.row(t.model(), t.endpoint(), r.requests(), r.errors(), round(r.p50Millis()), round(r.p99Millis()),
                        round(r.perSecond()));
            }
            long heapAfter = usedHeapAfterGc(memory);
            out.printf("%d clients x %d requests per endpoint, %d server workers, %d CPU(s) available%n%n", clients, requests,
                    workers, Runtime.getRuntime().availableProcessors());
            out.print(table.toText());
            out.printf("%nheap in use after GC: %.1f MiB before, %.1f MiB after%n", heapBefore / 1048576.0,
                    heapAfter / 1048576.0);
            out.printf("errors: %d%n", errors);
            out.flush();
        }
        return errors == 0 ? 0 : 1;
    }

    /** Every model's list entry, its predict and its own actions (streaming excluded: it is measured by sample). */
    static List<Target> targets(ModelCatalog catalog) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("-", "GET /api/models", "/api/models", null, null));
        for (ServedModel<?, ?> model : catalog.all()) {
            String base = "/api/models/" + model.name() + "/";
            AppEndpoints endpoints = AppEndpoints.of(model);
            for (AppEndpoints.BenchRequest request : endpoints.benchRequests(model)) {
                targets.add(new Target(model.name(), request.action(), base + request.action(), request.contentType(),
                        request.body()));
            }
        }
        return targets;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
