package io.rnnsuite.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N concurrent clients, each sending M requests one after another to one endpoint, timing each
 * from send to the last byte received. Anything but a 200 counts as an error.
 */
public final class LoadBenchmark {

    /**
     * What one endpoint measured.
     *
     * @param requests      requests sent
     * @param errors        answers other than 200, and failed connections
     * @param p50Millis     median latency
     * @param p99Millis     99th-percentile latency
     * @param perSecond     requests answered per second of wall time, all clients together
     */
    public record Result(int requests, int errors, double p50Millis, double p99Millis, double perSecond) {
    }

    private LoadBenchmark() {
    }

    /** Sends {@code clients × requests} requests: POST {@code jsonBody}, or GET when it is {@code null}. */
    public static Result run(URI uri, String jsonBody, int clients, int requests) throws Exception {
        return run(uri, "application/json", jsonBody == null ? null : jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                clients, requests);
    }

    /** Sends {@code clients × requests} requests: POST {@code body} as {@code contentType}, or GET when it is {@code null}. */
    public static Result run(URI uri, String contentType, byte[] body, int clients, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120));
        HttpRequest request = body == null ? builder.GET().build()
                : builder.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long[] latencies = new long[clients * requests];
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int r = 0; r < requests; r++) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[client * requests + r] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(latencies.length, errors.get(), percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length / seconds);
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double q) {
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
