package io.rnnsuite.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.rnnsuite.common.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the handlers read it: method, decoded path segments, query parameters and a
 * body read under the size limit. Field accessors turn a missing or mistyped JSON field into a
 * 400 naming the field and what was expected.
 */
public final class Request {

    private final HttpExchange exchange;
    private final ServeLimits limits;
    private final List<String> segments;
    private final Map<String, String> query;
    private JsonNode json;

    Request(HttpExchange exchange, ServeLimits limits) {
        this.exchange = exchange;
        this.limits = limits;
        this.segments = segments(exchange.getRequestURI().getRawPath());
        this.query = query(exchange.getRequestURI().getRawQuery());
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public ServeLimits limits() {
        return limits;
    }

    public String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    /** The path's segments, each percent-decoded; a segment that decodes to a separator, {@code .} or {@code ..} is a 404. */
    public List<String> segments() {
        return segments;
    }

    /** Splits a raw path; an empty segment (an absolute path after a prefix, {@code //}) is kept as "" for callers to refuse. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        String path = rawPath == null ? "" : rawPath;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty()) {
            return out;
        }
        for (String raw : path.split("/", -1)) {
            out.add(decode(raw));
        }
        return out;
    }

    /** Percent-decoding without turning {@code +} into a space (that is for query strings only). */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("malformed percent-encoding in '" + raw + "'");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("malformed percent-encoding in the query parameter '" + key + "'");
            }
        }
        return out;
    }

    public Map<String, String> query() {
        return query;
    }

    /**
     * The body, at most {@link ServeLimits#maxBodyBytes} bytes. A larger one is a 413: its bytes
     * are read and dropped (up to {@value #MAX_DISCARDED_BYTES}, never kept), so the client, still
     * sending, receives the answer instead of a reset connection.
     */
    public byte[] body() throws IOException {
        return body(limits.maxBodyBytes());
    }

    /** The body, at most {@code maxBytes} bytes; a larger one is a 413, read and dropped as {@link #body()} does. */
    public byte[] body(int maxBytes) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Content-Length '" + length + "' is not a number");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            if (declared > maxBytes) {
                discard(in, buffer);
                throw tooLarge(maxBytes);
            }
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    discard(in, buffer);
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Bytes of an oversized body read and dropped at most; past this the connection is simply closed. */
    static final long MAX_DISCARDED_BYTES = 64L << 20;

    private static void discard(InputStream in, byte[] buffer) throws IOException {
        long dropped = 0;
        int n;
        while (dropped < MAX_DISCARDED_BYTES && (n = in.read(buffer)) > 0) {
            dropped += n;
        }
    }

    private static HttpError tooLarge(int maxBytes) {
        return HttpError.tooLarge("request body larger than " + maxBytes + " bytes");
    }

    /** The body as a JSON object; wrong content type, malformed JSON or another JSON value are a 400. */
    public JsonNode json() throws IOException {
        if (json != null) {
            return json;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw HttpError.badRequest("expected Content-Type application/json, got " + (type == null ? "none" : "'" + type + "'"));
        }
        byte[] body = body();
        JsonNode node;
        try {
            node = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("malformed JSON body: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (!(node instanceof ObjectNode)) {
            throw HttpError.badRequest("expected a JSON object as the body, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        json = node;
        return json;
    }

    /** A required text field, at most {@link ServeLimits#maxTextChars} characters. */
    public String text(String field) throws IOException {
        JsonNode value = json().get(field);
        if (value == null || value.isNull()) {
            throw HttpError.badRequest("missing field '" + field + "' (a string)");
        }
        if (!value.isTextual()) {
            throw HttpError.badRequest("field '" + field + "' must be a string, got " + value.getNodeType());
        }
        return checkLength(field, value.asText());
    }

    /** An optional text field, or {@code null}. */
    public String optionalText(String field) throws IOException {
        JsonNode value = json().get(field);
        return value == null || value.isNull() ? null : text(field);
    }

    String checkLength(String field, String text) {
        if (text.length() > limits.maxTextChars()) {
            throw HttpError.tooLarge("field '" + field + "' has " + text.length() + " characters, at most "
                    + limits.maxTextChars() + " are accepted");
        }
        return text;
    }

    /** An optional integer field in {@code [min, max]}, or {@code fallback}. */
    public int integer(String field, int fallback, int min, int max) throws IOException {
        JsonNode value = json().get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw HttpError.badRequest("field '" + field + "' must be an integer, got " + value);
        }
        return inRange(field, value.asInt(), min, max);
    }

    /** An optional number field in {@code [min, max]}, or {@code fallback}. */
    public double number(String field, double fallback, double min, double max) throws IOException {
        JsonNode value = json().get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw HttpError.badRequest("field '" + field + "' must be a number, got " + value);
        }
        return inRange(field, value.asDouble(), min, max);
    }

    /** A query parameter as an integer in {@code [min, max]}, or {@code fallback} when absent. */
    public int queryInteger(String name, int fallback, int min, int max) {
        String raw = query.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return inRange(name, Integer.parseInt(raw.trim()), min, max);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("parameter '" + name + "' must be an integer, got '" + raw + "'");
        }
    }

    /** A query parameter as a number in {@code [min, max]}, or {@code fallback} when absent. */
    public double queryNumber(String name, double fallback, double min, double max) {
        String raw = query.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return inRange(name, Double.parseDouble(raw.trim()), min, max);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("parameter '" + name + "' must be a number, got '" + raw + "'");
        }
    }

    private static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw HttpError.badRequest("'" + field + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static double inRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw HttpError.badRequest("'" + field + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
