package io.rnnsuite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model directories below the root's children, as {@code rnn-suite compare --keep-models models/compare}
 * lays them out ({@code compare/APP/CELL}, {@code compare/APP/DATASET/CELL}), are served under their
 * path with dots; hidden directories (a compare run's staging), directories deeper than
 * {@link ModelCatalog#MAX_DEPTH} and links out of the root are not.
 */
class NestedModelsTest {

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void nestedModelDirectoriesAreServedByTheirPathAndNothingHiddenDeepOrOutsideIs(@TempDir Path tmp) throws Exception {
        Path tiny = TinyModels.root();
        Path root = Files.createDirectories(tmp.resolve("models"));
        copyTree(tiny.resolve(TinyModels.CHARLM), root.resolve("compare/charlm/lstm"));
        copyTree(tiny.resolve(TinyModels.FORECAST), root.resolve("compare/forecast/co2/lstm"));
        copyTree(tiny.resolve(TinyModels.CLASSIFY), root.resolve("mine"));
        copyTree(tiny.resolve(TinyModels.CLASSIFY), root.resolve("compare/.staging-classify-1/gru"));
        copyTree(tiny.resolve(TinyModels.CLASSIFY), root.resolve("a/b/c/d/too-deep"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        copyTree(tiny.resolve(TinyModels.FORECAST), outside.resolve("lstm"));
        Files.createSymbolicLink(root.resolve("compare/linked"), outside);

        List<String> warnings = new ArrayList<>();
        ModelCatalog catalog = ModelCatalog.load(root, warnings::add);
        assertEquals(List.of("compare.charlm.lstm", "compare.forecast.co2.lstm", "mine"), catalog.names());
        assertEquals(List.of(), warnings, "a linked directory without a model of its own is passed over quietly");
        assertEquals("compare.forecast.co2.lstm", ModelCatalog.nameOf(root, root.resolve("compare/forecast/co2/lstm")));

        Files.createSymbolicLink(root.resolve("compare/borrowed"), outside.resolve("lstm"));
        warnings.clear();
        assertEquals(3, ModelCatalog.load(root, warnings::add).all().size());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("outside"), warnings.get(0));

        try (PlaygroundServer server = PlaygroundServer.start(catalog, tmp, ServeCommand.LOOPBACK, 0, 2, ServeLimits.defaults(),
                new PrintStream(OutputStream.nullOutputStream()))) {
            var http = java.net.http.HttpClient.newHttpClient();
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl()
                    + "/api/models/compare.charlm.lstm/sample")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prime\":\"The \",\"length\":20}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            var html = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl()
                    + "/models/compare.forecast.co2.lstm")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, html.statusCode());
        }
    }
}
