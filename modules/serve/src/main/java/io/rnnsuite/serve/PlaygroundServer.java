package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.RnnApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The playground's HTTP server: pages under {@code /}, the JSON API under {@code /api/}, report
 * files under {@code /reports/}. Requests run on a fixed pool of worker threads with a bounded
 * queue; when the queue is full the accepting thread runs the request itself, which stops it
 * accepting more until one finishes (back-pressure instead of unbounded memory). Every failure a
 * client can cause is answered as JSON with one message and a 4xx status, and the server goes on.
 *
 * <pre>
 * GET  /api/health                      {"status": "ok", "models": N}
 * GET  /api/models                      every model: app, cell, data, metrics, baselines, training time
 * GET  /api/models/NAME                 one model, with what its page needs
 * GET  /api/models/NAME/files/FILE      a plot or report file of the model directory
 * GET  /models/NAME/explain             a char-LM's explain view (its cells on a passage of its test text)
 * POST /api/models/NAME/predict         {"inputs": [...]} → {"answers": [...]} (the app's own predict)
 * POST /api/models/NAME/ACTION          the app's actions (see {@link AppEndpoints})
 * GET  /api/reports                     the files under the reports root
 * GET  /reports/PATH                    one report file
 * </pre>
 */
public final class PlaygroundServer implements AutoCloseable {

    /** Files of a model directory that {@code /files/} hands out (never the network itself). */
    static final List<String> MODEL_FILE_TYPES = List.of(".png", ".md", ".json", ".csv", ".txt", ".svg");
    /** Entries {@code /api/reports} lists at most. */
    static final int MAX_REPORT_ENTRIES = 1000;
    private static final Map<String, String> PAGES = Map.of(
            "index.html", "text/html; charset=utf-8", "model.html", "text/html; charset=utf-8",
            "reports.html", "text/html; charset=utf-8", "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");
    /** Our own pages load only our own scripts and styles, and nothing from the network. */
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; connect-src 'self'; media-src 'self' blob:";
    /** A generated self-contained page (the explain view): its own inline script and style, and nothing else. */
    private static final String SELF_CONTAINED_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src data:";

    /** Seconds a client has to send its request line, headers and body; a slower one is disconnected. */
    static final int REQUEST_SECONDS = 60;

    static {
        // The JDK's server reads these once, when it is first used in this JVM; a user's own setting wins.
        // Without TCP_NODELAY, an answer written as headers then body waits ~40 ms for the client's delayed ACK
        // (measured: every small answer took 52 ms at the median).
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private final ModelCatalog catalog;
    private final ConfinedFiles reports;
    private final ServeLimits limits;
    private final Map<String, AppEndpoints> endpoints = new LinkedHashMap<>();
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final PrintStream log;

    private PlaygroundServer(ModelCatalog catalog, Path reportsRoot, ServeLimits limits, HttpServer server,
                             ThreadPoolExecutor workers, PrintStream log) {
        this.catalog = catalog;
        this.reports = new ConfinedFiles(reportsRoot);
        this.limits = limits;
        this.server = server;
        this.workers = workers;
        this.log = log;
        for (ServedModel<?, ?> model : catalog.all()) {
            endpoints.put(model.name(), AppEndpoints.of(model));
        }
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts serving.
     *
     * @param threads worker threads (requests answered at once)
     * @param log     where internal errors are reported (one line each)
     * @throws UserInputException if the address cannot be bound
     */
    public static PlaygroundServer start(ModelCatalog catalog, Path reportsRoot, String host, int port, int threads,
                                         ServeLimits limits, PrintStream log) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UserInputException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): is another server using the port? choose one with --port");
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(16 * threads), r -> {
                    Thread t = new Thread(r, "serve-worker-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        http.setExecutor(pool);
        PlaygroundServer playground = new PlaygroundServer(catalog, reportsRoot, limits, http, pool, log);
        http.createContext("/", playground::handle);
        http.start();
        return playground;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(new Request(exchange, limits));
            } catch (HttpError e) {
                Responses.error(exchange, e.status(), e.getMessage());
            } catch (UserInputException e) {
                Responses.error(exchange, 400, e.getMessage());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                log.println("serve: internal error on " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + ": " + e);
                Responses.error(exchange, 500, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the answer had already started: nothing more can be sent
        }
    }

    private void route(Request request) throws Exception {
        List<String> path = request.segments();
        String first = path.isEmpty() ? "" : path.get(0);
        switch (first) {
            case "" -> page(request, "index.html");
            case "api" -> api(request, path.subList(1, path.size()));
            case "favicon.ico" -> Responses.bytes(request.exchange(), 204, "image/x-icon", new byte[0]); // browsers ask for it
            case "models" -> {
                if (path.size() == 3 && path.get(2).equals(CharLmEndpoints.EXPLAIN)
                        && endpoints.get(catalog.require(path.get(1)).name()) instanceof CharLmEndpoints charLm) {
                    requireMethod(request, "GET", "HEAD");
                    request.exchange().getResponseHeaders().set("Content-Security-Policy", SELF_CONTAINED_POLICY);
                    Responses.text(request.exchange(), 200, "text/html; charset=utf-8",
                            charLm.explainPage(catalog.require(path.get(1)), limits));
                    return;
                }
                if (path.size() != 2) {
                    throw HttpError.notFound("no page " + request.exchange().getRequestURI().getRawPath());
                }
                catalog.require(path.get(1));
                page(request, "model.html");
            }
            case "reports" -> {
                if (path.size() == 1) {
                    page(request, "reports.html");
                } else {
                    reportFile(request, path.subList(1, path.size()));
                }
            }
            case "static" -> {
                if (path.size() != 2 || !PAGES.containsKey(path.get(1)) || path.get(1).endsWith(".html")) {
                    throw HttpError.notFound("no file " + request.exchange().getRequestURI().getRawPath());
                }
                page(request, path.get(1));
            }
            default -> throw HttpError.notFound("no page " + request.exchange().getRequestURI().getRawPath());
        }
    }

    private static void requireMethod(Request request, String... methods) {
        for (String m : methods) {
            if (request.method().equals(m)) {
                return;
            }
        }
        throw new HttpError(405, request.method() + " is not allowed here; use " + String.join(" or ", methods));
    }

    private void page(Request request, String name) throws IOException {
        requireMethod(request, "GET", "HEAD");
        byte[] body;
        try (InputStream in = PlaygroundServer.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw HttpError.notFound("no file " + name);
            }
            body = in.readAllBytes();
        }
        request.exchange().getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        Responses.bytes(request.exchange(), 200, PAGES.get(name), body);
    }

    private void api(Request request, List<String> path) throws Exception {
        String first = path.isEmpty() ? "" : path.get(0);
        switch (first) {
            case "health" -> {
                requireMethod(request, "GET");
                Responses.json(request.exchange(), 200, Responses.object().put("status", "ok").put("models", catalog.all().size()));
            }
            case "models" -> models(request, path.subList(1, path.size()));
            case "reports" -> {
                requireMethod(request, "GET");
                if (path.size() != 1) {
                    throw HttpError.notFound("no API path " + request.exchange().getRequestURI().getRawPath());
                }
                Responses.json(request.exchange(), 200, reportList());
            }
            default -> throw HttpError.notFound("no API path " + request.exchange().getRequestURI().getRawPath()
                    + " (see GET /api/models)");
        }
    }

    private void models(Request request, List<String> path) throws Exception {
        if (path.isEmpty()) {
            requireMethod(request, "GET");
            ArrayNode list = Responses.object().arrayNode();
            catalog.all().forEach(m -> list.add(summary(m)));
            Responses.json(request.exchange(), 200, Responses.object().set("models", list));
            return;
        }
        ServedModel<?, ?> model = catalog.require(path.get(0));
        AppEndpoints app = endpoints.get(model.name());
        if (path.size() == 1) {
            requireMethod(request, "GET");
            ObjectNode details = summary(model);
            ObjectNode appDetails = app.describe(model);
            if (app instanceof SpeechEndpoints) {
                appDetails.put("max_seconds", SpeechEndpoints.maxSeconds(model, limits));
                appDetails.put("max_bytes", limits.maxAudioBytes());
            }
            details.set("app_details", appDetails);
            Responses.json(request.exchange(), 200, details);
            return;
        }
        String action = path.get(1);
        if (action.equals("files")) {
            requireMethod(request, "GET", "HEAD");
            modelFile(request, model, path.subList(2, path.size()));
            return;
        }
        if (path.size() != 2) {
            throw HttpError.notFound("no API path " + request.exchange().getRequestURI().getRawPath());
        }
        if (action.equals("predict")) {
            requireMethod(request, "POST");
            predict(request, model, app);
        } else if (app.actions().contains(action)) {
            requireMethod(request, app.takesGet(action) ? "GET" : "POST");
            app.handle(action, request, model);
        } else {
            throw HttpError.notFound("model '" + model.name() + "' has no action '" + action + "' (it has: predict"
                    + (app.actions().isEmpty() ? "" : ", " + String.join(", ", app.actions())) + ")");
        }
    }

    private void predict(Request request, ServedModel<?, ?> model, AppEndpoints app) throws Exception {
        JsonNode inputs = request.json().get("inputs");
        List<String> texts = new ArrayList<>();
        if (inputs != null && !inputs.isNull()) {
            if (!inputs.isArray()) {
                throw HttpError.badRequest("field 'inputs' must be an array of strings, got " + inputs.getNodeType());
            }
            if (inputs.size() > limits.maxInputs()) {
                throw HttpError.tooLarge("field 'inputs' has " + inputs.size() + " entries, at most " + limits.maxInputs()
                        + " are accepted");
            }
            for (JsonNode input : inputs) {
                if (!input.isTextual()) {
                    throw HttpError.badRequest("field 'inputs' must hold strings only, got " + input.getNodeType());
                }
                texts.add(request.checkLength("inputs", input.asText()));
            }
        }
        if (!texts.isEmpty() && !app.predictTakesInputs(model)) {
            throw HttpError.badRequest("predict for '" + model.name() + "' takes no inputs over HTTP: they would name files"
                    + " (" + model.app().predictInput() + ") on the server"
                    + (app.actions().contains("forecast") ? "; POST the CSV text to /api/models/" + model.name() + "/forecast instead" : ""));
        }
        List<String> answers = predictWith(model, texts);
        ObjectNode out = Responses.object();
        answers.forEach(out.putArray("answers")::add);
        Responses.json(request.exchange(), 200, out);
    }

    private <C, M> List<String> predictWith(ServedModel<C, M> model, List<String> inputs) throws Exception {
        RnnApp<C, ?, M> app = model.app();
        return model.use(limits.modelWait(), m -> app.predict(m, inputs));
    }

    private ObjectNode summary(ServedModel<?, ?> model) {
        JsonNode run = model.runRecord();
        ObjectNode out = Responses.object();
        out.put("name", model.name());
        out.put("app", model.app().info().id());
        out.put("command", model.app().info().command());
        out.put("title", model.app().info().title());
        out.put("cell", label(model));
        out.set("recurrent", run.path("recurrent"));
        ObjectNode data = out.putObject("data");
        data.put("name", run.path("data").path("name").asText(""));
        data.put("source", run.path("data").path("source").asText(""));
        out.set("metrics", run.path("metrics"));
        out.set("baselines", run.path("baselines"));
        ObjectNode primary = out.putObject("primary_metric");
        primary.put("key", model.app().primaryMetric().key());
        primary.put("label", model.app().primaryMetric().label());
        primary.put("lower_is_better", model.app().primaryMetric().lowerIsBetter());
        JsonNode seconds = run.path("timings").path("training");
        if (seconds.isNumber()) {
            out.put("training_seconds", seconds.asDouble());
        } else {
            out.putNull("training_seconds");
        }
        out.put("created_at", run.path("created_at").asText(""));
        ArrayNode actions = out.putArray("actions").add("predict");
        endpoints.get(model.name()).actions().forEach(actions::add);
        ArrayNode files = out.putArray("files");
        modelFiles(model).forEach(files::add);
        return out;
    }

    private static <C> String label(ServedModel<C, ?> model) {
        return model.app().spec(model.config()).label();
    }

    private static List<String> modelFiles(ServedModel<?, ?> model) {
        try (Stream<Path> list = Files.list(model.directory())) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(PlaygroundServer::servableModelFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean servableModelFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return MODEL_FILE_TYPES.stream().anyMatch(lower::endsWith);
    }

    private void modelFile(Request request, ServedModel<?, ?> model, List<String> path) throws IOException {
        if (path.size() != 1 || !servableModelFile(path.get(0))) {
            throw HttpError.notFound("no such file in model '" + model.name() + "'");
        }
        Path file = new ConfinedFiles(model.directory()).file(path).orElseThrow(
                () -> HttpError.notFound("no such file in model '" + model.name() + "'"));
        Responses.bytes(request.exchange(), 200, contentType(file), Files.readAllBytes(file));
    }

    private void reportFile(Request request, List<String> path) throws IOException {
        requireMethod(request, "GET", "HEAD");
        Path file = reports.file(path).orElseThrow(() -> HttpError.notFound("no report file " + String.join("/", path)));
        if (Files.size(file) > Integer.MAX_VALUE - 16) {
            throw HttpError.notFound("report file too large to serve");
        }
        Responses.bytes(request.exchange(), 200, contentType(file), Files.readAllBytes(file));
    }

    private ObjectNode reportList() throws IOException {
        ObjectNode out = Responses.object();
        out.put("root", reports.root().toString());
        ArrayNode files = out.putArray("files");
        Path root = reports.root();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root, 6)) {
                walk.filter(Files::isRegularFile).filter(reports::contains).sorted().limit(MAX_REPORT_ENTRIES).forEach(p -> {
                    String relative = root.relativize(p).toString().replace('\\', '/');
                    ObjectNode f = files.addObject().put("path", relative);
                    try {
                        f.put("bytes", Files.size(p));
                    } catch (IOException e) {
                        f.putNull("bytes");
                    }
                });
            }
        }
        return out;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return switch (dot < 0 ? "" : name.substring(dot)) {
            case ".html", ".htm" -> "text/html; charset=utf-8";
            case ".png" -> "image/png";
            case ".svg" -> "image/svg+xml";
            case ".json" -> "application/json; charset=utf-8";
            case ".css" -> "text/css; charset=utf-8";
            case ".md", ".txt", ".csv", ".log" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
