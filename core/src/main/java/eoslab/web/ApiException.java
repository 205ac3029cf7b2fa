package eoslab.web;

/**
 * A request the API refuses or cannot finish, with its HTTP status and a one-line message: 400 for bad input (the
 * CLI's own message), 403 for a foreign Host or Origin, 404, 405, 413 for an oversized body, 429 when the server is
 * busy, 503 when the request ran past the time limit or its view was cancelled.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Bad input. */
    public static final int BAD_REQUEST = 400;
    /** Foreign Host or Origin header. */
    public static final int FORBIDDEN = 403;
    /** No such endpoint or file. */
    public static final int NOT_FOUND = 404;
    /** Wrong HTTP method. */
    public static final int METHOD_NOT_ALLOWED = 405;
    /** Request body over the limit. */
    public static final int TOO_LARGE = 413;
    /** Too many requests at once. */
    public static final int BUSY = 429;
    /** Time limit reached or view cancelled. */
    public static final int UNAVAILABLE = 503;

    private final int status;

    /** An error with the given status and one-line message. */
    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Bad input with the CLI's message. */
    public static ApiException badRequest(String message) {
        return new ApiException(BAD_REQUEST, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
