package io.rnnsuite.serve;

/** A request the server refuses: the HTTP status and one message, sent as {@code {"error": message}}. */
public final class HttpError extends RuntimeException {

    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    public static HttpError tooLarge(String message) {
        return new HttpError(413, message);
    }
}
