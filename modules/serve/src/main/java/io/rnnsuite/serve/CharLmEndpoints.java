package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.model.CharLmModel;
import io.rnnsuite.charlm.model.CharSampler;
import io.rnnsuite.charlm.model.SamplingOptions;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.text.CharVocabulary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The char-LM's playground: {@code sample} (the whole text as JSON), {@code stream} (the same as
 * server-sent events, one event per character as it is drawn) and {@code complete} (the likeliest
 * next characters, and the words they most likely start: predictive text input), and
 * {@code explain} (the numbers of the explain view, whose page is {@code /models/NAME/explain}). Each drawn
 * character carries the activation of one chosen unit of one recurrent layer at the moment the
 * model chose it, for colouring.
 */
final class CharLmEndpoints implements AppEndpoints {

    /** Characters a word completion may add after the next one. */
    static final int MAX_COMPLETION = 20;

    @Override
    public boolean serves(ServedModel<?, ?> model) {
        return model.app() instanceof CharLmApp;
    }

    /** The explain view's action and page name. */
    static final String EXPLAIN = "explain";
    /** Characters of the model's test text the explain view reads (the compare run's pages read as many). */
    static final int EXPLAIN_LENGTH = 500;

    /** The explain view, made on its first request and kept: the page and its JSON. */
    private record Explained(String html, String json) {
    }

    private final java.util.concurrent.locks.ReentrantLock explaining = new java.util.concurrent.locks.ReentrantLock();
    private volatile Explained explained;

    @Override
    public List<String> actions() {
        return List.of("sample", "stream", "complete", EXPLAIN);
    }

    @Override
    public boolean takesGet(String action) {
        return action.equals("stream") || action.equals(EXPLAIN);
    }

    /** The explain view's page (what {@code charlm explain} writes), made on the first request. */
    String explainPage(ServedModel<?, ?> model, ServeLimits limits) throws Exception {
        return explained(model, limits).html();
    }

    /**
     * Runs {@code charlm explain} on the model directory, once: into a scratch directory, on the
     * first {@value #EXPLAIN_LENGTH} characters of the model's own test text, reading its own copy
     * of the model (so the served one stays free). Requests meanwhile wait, at most the model wait.
     */
    private Explained explained(ServedModel<?, ?> model, ServeLimits limits) throws Exception {
        Explained done = explained;
        if (done != null) {
            return done;
        }
        if (!explaining.tryLock(limits.modelWait().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new HttpError(503, "the explain view of '" + model.name() + "' is still being made; try again");
        }
        try {
            if (explained == null) {
                explained = runExplain(model);
            }
            return explained;
        } finally {
            explaining.unlock();
        }
    }

    private static Explained runExplain(ServedModel<?, ?> model) throws IOException {
        java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("rnn-suite-explain-");
        try {
            java.nio.file.Path page = scratch.resolve("explain.html");
            picocli.CommandLine line = io.rnnsuite.common.cli.CliErrors.install(model.app().command());
            java.io.StringWriter err = new java.io.StringWriter();
            line.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
            line.setErr(new java.io.PrintWriter(err, true));
            int code = line.execute(EXPLAIN, "--model", model.directory().toString(), "--output", page.toString(),
                    "--length", Integer.toString(EXPLAIN_LENGTH));
            if (code != 0) {
                throw new HttpError(500, "cannot make the explain view of '" + model.name() + "': "
                        + err.toString().strip().replaceFirst("^error: ", ""));
            }
            return new Explained(java.nio.file.Files.readString(page, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(io.rnnsuite.charlm.explain.ExplainPage.jsonFile(page), StandardCharsets.UTF_8));
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(scratch)) {
                for (java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ServedModel<CharLmConfig, CharLmModel> typed(ServedModel<?, ?> model) {
        return (ServedModel<CharLmConfig, CharLmModel>) model;
    }

    @Override
    public ObjectNode describe(ServedModel<?, ?> model) {
        CharLmConfig config = typed(model).config();
        ObjectNode out = Responses.object();
        out.put("layers", config.recurrentSpec().layers());
        out.put("hidden", config.recurrentSpec().hiddenSize());
        out.put("default_prime", defaultPrime(model));
        return out;
    }

    private static String defaultPrime(ServedModel<?, ?> model) {
        CharVocabulary vocabulary = vocabulary(model);
        return vocabulary.unknownCharacters(CharLmApp.DEFAULT_PRIME).isEmpty() ? CharLmApp.DEFAULT_PRIME : vocabulary.symbol(1);
    }

    private static CharVocabulary vocabulary(ServedModel<?, ?> model) {
        return typed(model).read(CharLmModel::vocabulary);
    }

    @Override
    public List<BenchRequest> benchRequests(ServedModel<?, ?> model) {
        String prime = Json.MAPPER.valueToTree(defaultPrime(model)).toString();
        return List.of(new BenchRequest("sample", "{\"prime\":" + prime + ",\"length\":50}"),
                new BenchRequest("complete", "{\"text\":" + prime + "}"));
    }

    /** Sampling settings and which unit to report. */
    private record Sampling(String prime, SamplingOptions options, int layer, int unit) {
    }

    @Override
    public void handle(String action, Request request, ServedModel<?, ?> served) throws Exception {
        ServedModel<CharLmConfig, CharLmModel> model = typed(served);
        switch (action) {
            case "sample" -> sample(request, model);
            case "stream" -> stream(request, model);
            case "complete" -> complete(request, model);
            case EXPLAIN -> Responses.text(request.exchange(), 200, "application/json; charset=utf-8",
                    explained(model, request.limits()).json());
            default -> throw HttpError.notFound("no action '" + action + "' for a char-LM model");
        }
    }

    private static Sampling fromJson(Request request, ServedModel<CharLmConfig, CharLmModel> model) throws IOException {
        int layers = model.config().recurrentSpec().layers();
        int hidden = model.config().recurrentSpec().hiddenSize();
        return new Sampling(request.text("prime"), new SamplingOptions(
                request.integer("length", 300, 1, request.limits().maxSampleLength()),
                request.number("temperature", 0.8, 0.01, 10), request.integer("top_k", 0, 0, 10_000),
                request.integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE)),
                request.integer("layer", 0, 0, layers - 1), request.integer("unit", 0, 0, hidden - 1));
    }

    private static Sampling fromQuery(Request request, ServedModel<CharLmConfig, CharLmModel> model) {
        int layers = model.config().recurrentSpec().layers();
        int hidden = model.config().recurrentSpec().hiddenSize();
        String prime = request.query().get("prime");
        if (prime == null) {
            throw HttpError.badRequest("missing parameter 'prime'");
        }
        return new Sampling(request.checkLength("prime", prime), new SamplingOptions(
                request.queryInteger("length", 300, 1, request.limits().maxSampleLength()),
                request.queryNumber("temperature", 0.8, 0.01, 10), request.queryInteger("top_k", 0, 0, 10_000),
                request.queryInteger("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE)),
                request.queryInteger("layer", 0, 0, layers - 1), request.queryInteger("unit", 0, 0, hidden - 1));
    }

    /** The prime's characters, or a 400 naming those the model never saw. */
    private static void checkKnown(String field, String text, CharVocabulary vocabulary) {
        if (text.isEmpty()) {
            throw HttpError.badRequest("field '" + field + "' must hold at least one character");
        }
        Set<String> missing = vocabulary.unknownCharacters(text);
        if (!missing.isEmpty()) {
            throw HttpError.badRequest("field '" + field + "' contains " + missing.size() + " character(s) the model never saw"
                    + " in training: " + missing.stream().map(CharVocabulary::describe).collect(Collectors.joining(", ")));
        }
    }

    private static void sample(Request request, ServedModel<CharLmConfig, CharLmModel> model) throws Exception {
        Sampling sampling = fromJson(request, model);
        ObjectNode out = model.use(request.limits().modelWait(), m -> {
            checkKnown("prime", sampling.prime(), m.vocabulary());
            ArrayNode activations = Json.MAPPER.createArrayNode();
            // one sampler: the activations are read from the stepper that draws
            CharSampler sampler = m.sampler();
            String text = sampler.sample(sampling.prime(), sampling.options(),
                    s -> activations.add(rounded(sampler.activation(sampling.layer(), sampling.unit()))));
            ObjectNode answer = Responses.object();
            answer.put("prime", sampling.prime());
            answer.put("text", text);
            answer.set("activations", activations);
            return answer;
        });
        Responses.json(request.exchange(), 200, out);
    }

    /**
     * Server-sent events: {@code data: {"text": "c", "activation": a}} per character as it is drawn,
     * then {@code event: done}. Bad settings are refused with a JSON 400 before the stream starts.
     */
    private static void stream(Request request, ServedModel<CharLmConfig, CharLmModel> model) throws Exception {
        if (!request.method().equals("GET")) {
            throw new HttpError(405, "stream takes GET with query parameters (prime, length, temperature, top_k, seed, layer, unit)");
        }
        Sampling sampling = fromQuery(request, model);
        HttpExchange exchange = request.exchange();
        model.use(request.limits().modelWait(), m -> {
            checkKnown("prime", sampling.prime(), m.vocabulary());
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            CharSampler sampler = m.sampler();
            try (OutputStream out = exchange.getResponseBody()) {
                Consumer<String> sink = symbol -> {
                    ObjectNode event = Responses.object();
                    event.put("text", symbol);
                    Double a = rounded(sampler.activation(sampling.layer(), sampling.unit()));
                    if (a != null) {
                        event.put("activation", a);
                    }
                    send(out, "data: " + event + "\n\n");
                };
                String text = sampler.sample(sampling.prime(), sampling.options(), sink);
                send(out, "event: done\ndata: {\"characters\":" + text.codePointCount(0, text.length()) + "}\n\n");
            } catch (UncheckedIOException e) {
                // the client went away: the sampler has already cleared the network's state
            }
            return null;
        });
    }

    private static void send(OutputStream out, String event) {
        try {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Four decimals are plenty for a colour; {@code null} stays {@code null}. */
    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 1e4) / 1e4;
    }

    /**
     * The {@code k} likeliest next characters after {@code text}, and for each the word it most
     * likely starts: continued greedily to the next space or punctuation, at most
     * {@value #MAX_COMPLETION} characters, with the probability of the whole completion.
     */
    private static void complete(Request request, ServedModel<CharLmConfig, CharLmModel> model) throws Exception {
        String text = request.text("text");
        int k = request.integer("k", 5, 1, 20);
        ObjectNode out = model.use(request.limits().modelWait(), m -> {
            checkKnown("text", text, m.vocabulary());
            CharVocabulary vocabulary = m.vocabulary();
            // single steps through the fast stepper where the network allows (else rnnTimeStep)
            CharSampler sampler = m.sampler();
            int[] encoded = vocabulary.encode(text);
            String partial = partialWord(text);
            ArrayNode characters = Json.MAPPER.createArrayNode();
            ArrayNode words = Json.MAPPER.createArrayNode();
            try {
                double[] next = sampler.startFrom(encoded);
                List<Integer> best = top(next, k);
                for (int symbol : best) {
                    characters.addObject().put("char", vocabulary.symbol(symbol)).put("probability", next[symbol]);
                }
                for (int symbol : best) {
                    String first = vocabulary.symbol(symbol);
                    if (boundary(first)) {
                        continue;
                    }
                    StringBuilder completion = new StringBuilder(first);
                    double probability = next[symbol];
                    int[] extended = append(encoded, symbol);
                    double[] p = sampler.startFrom(extended);
                    for (int i = 0; i < MAX_COMPLETION; i++) {
                        int argmax = top(p, 1).get(0);
                        if (boundary(vocabulary.symbol(argmax))) {
                            break;
                        }
                        probability *= p[argmax];
                        completion.append(vocabulary.symbol(argmax));
                        p = sampler.continueWith(argmax);
                    }
                    words.addObject().put("word", partial + completion).put("completion", completion.toString())
                            .put("probability", probability);
                }
            } finally {
                sampler.clearState();
            }
            ObjectNode answer = Responses.object();
            answer.put("text", text);
            answer.put("partial_word", partial);
            answer.set("characters", characters);
            answer.set("words", words);
            return answer;
        });
        Responses.json(request.exchange(), 200, out);
    }

    private static int[] append(int[] symbols, int symbol) {
        int[] out = java.util.Arrays.copyOf(symbols, symbols.length + 1);
        out[symbols.length] = symbol;
        return out;
    }

    /** Indices of the {@code k} largest probabilities, the unknown symbol left out. */
    private static List<Integer> top(double[] p, int k) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (i != CharVocabulary.UNK) {
                indices.add(i);
            }
        }
        indices.sort(Comparator.comparingDouble((Integer i) -> -p[i]));
        return indices.subList(0, Math.min(k, indices.size()));
    }

    static boolean boundary(String symbol) {
        int c = symbol.codePointAt(0);
        return !(Character.isLetterOrDigit(c) || c == '\'' || c == '-');
    }

    /** The letters typed since the last space or punctuation. */
    static String partialWord(String text) {
        int end = text.length();
        int start = end;
        while (start > 0 && !boundary(text.substring(start - 1, start))) {
            start--;
        }
        return text.substring(start, end);
    }
}
