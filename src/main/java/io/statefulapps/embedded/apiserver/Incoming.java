package io.statefulapps.embedded.apiserver;

import java.util.Map;
import java.util.function.Function;

/**
 * One request as the pipeline's steps see it: method, path, query, headers, the raw body and the
 * attributes worked out from the path ({@link RequestInfo}).
 */
public final class Incoming {

    private final String method;
    private final RequestTarget target;
    private final Function<String, String> headers;
    private final byte[] body;
    private final RequestInfo info;

    Incoming(String method, RequestTarget target, Function<String, String> headers, byte[] body) {
        this.method = method.toUpperCase();
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.info = RequestInfo.of(this.method, target);
    }

    public String method() {
        return method;
    }

    /** The path without the query. */
    public String path() {
        return target.path();
    }

    /** The decoded query parameters (the last value of a repeated one). */
    public Map<String, String> query() {
        return target.query();
    }

    /** A header's value, or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    /** The body as sent; empty when none. */
    public byte[] body() {
        return body.clone();
    }

    public RequestInfo info() {
        return info;
    }

    /** The bearer token of the Authorization header, or null. */
    public String bearerToken() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = auth.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    RequestTarget target() {
        return target;
    }

    byte[] rawBody() {
        return body;
    }
}
