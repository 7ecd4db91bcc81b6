package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete, non-streaming answer: status, content type, body and extra headers. */
public record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers)
        implements Reply {

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    public static HttpAnswer json(int status, JsonNode body) {
        return new HttpAnswer(status, "application/json", StoredObject.bytes(body), Map.of());
    }

    public static HttpAnswer json(int status, byte[] body) {
        return new HttpAnswer(status, "application/json", body, Map.of());
    }

    public static HttpAnswer text(int status, String body) {
        return new HttpAnswer(status, "text/plain", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The refusal as the real server sends it: a Status object, with Retry-After when it says so. */
    public static HttpAnswer status(ApiException refusal) {
        Map<String, String> headers = refusal.retryAfterSeconds() > 0
                ? Map.of("Retry-After", Integer.toString(refusal.retryAfterSeconds())) : Map.of();
        return new HttpAnswer(refusal.code(), "application/json", StoredObject.bytes(refusal.toStatus()), headers);
    }

    /** The same answer with one more header. */
    public HttpAnswer withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new HttpAnswer(status, contentType, body, more);
    }
}
