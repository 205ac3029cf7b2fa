package eoslab.web;

import eoslab.io.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the API: a status, a content type and the body bytes; JSON replies also keep their value (for batch
 * mode, which prints it on one line).
 *
 * @param status      HTTP status
 * @param contentType MIME type of the body
 * @param body        the bytes
 * @param json        the JSON value, or null for other content
 */
public record Reply(int status, String contentType, byte[] body, Map<String, Object> json) {
    /** JSON content type. */
    public static final String JSON = "application/json; charset=utf-8";

    /** A 200 JSON reply. */
    public static Reply json(Map<String, Object> value) {
        return new Reply(200, JSON, Json.compact(value).getBytes(StandardCharsets.UTF_8), value);
    }

    /** A 200 text reply (CSV, SVG). */
    public static Reply text(String contentType, String text) {
        return new Reply(200, contentType + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A 200 binary reply. */
    public static Reply bytes(String contentType, byte[] body) {
        return new Reply(200, contentType, body, null);
    }

    /** The JSON error reply {@code {"error": message}} with the exception's status. */
    public static Reply error(ApiException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.getMessage());
        return new Reply(e.status(), JSON, Json.compact(m).getBytes(StandardCharsets.UTF_8), m);
    }
}
