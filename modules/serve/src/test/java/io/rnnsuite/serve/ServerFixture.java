package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.common.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A running server over the tiny models and a small reports tree, and ways to talk to it. */
final class ServerFixture implements AutoCloseable {

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }
    }

    final PlaygroundServer server;
    final Path reports;
    final Path outside;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServerFixture(Path scratch) throws IOException {
        reports = Files.createDirectories(scratch.resolve("reports"));
        outside = Files.createDirectories(scratch.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not for the web");
        Files.writeString(reports.resolve("index.html"), "<!doctype html><html><head><title>a report</title></head>"
                + "<body><h1 id=\"report-title\">Compare report</h1><table><tr><td class=\"num\">0.5</td></tr></table></body></html>");
        Files.createDirectories(reports.resolve("lab"));
        Files.writeString(reports.resolve("lab").resolve("summary.md"), "# lab\n");
        Files.createSymbolicLink(reports.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(reports.resolve("linked"), outside);
        ModelCatalog catalog = ModelCatalog.load(TinyModels.root(), line -> { });
        server = PlaygroundServer.start(catalog, reports, ServeCommand.LOOPBACK, 0, 4, ServeLimits.defaults(),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** A GET with the path exactly as given (no client-side normalisation): the status code. */
    int rawGet(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            String status = line.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
