package io.statefulapps.embedded.apiserver;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the pipeline's steps see it: method, path, query, headers, the raw body and the
 * attributes worked out from the path ({@link RequestInfo}).
 */
public final class Incoming {

    private final String method;
    private final String uri;
    private final RequestTarget target;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final RequestInfo info;
    private final boolean inProcess;

    /**
     * @param uri the request target as sent: the raw path and query
     * @param headers every header's values, by lower-case name
     */
    Incoming(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        this(method, uri, headers, body, false);
    }

    /** @param inProcess whether a caller in this JVM sent it ({@link DirectFront}), not one over HTTP */
    Incoming(String method, String uri, Map<String, List<String>> headers, byte[] body, boolean inProcess) {
        this.inProcess = inProcess;
        this.method = method.toUpperCase(Locale.ROOT);
        this.uri = uri;
        this.target = RequestTarget.parse(uri);
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.info = RequestInfo.of(this.method, target);
    }

    /** Whether a caller in this JVM sent it: the simulated controllers, the service on the embedded cluster. */
    boolean inProcess() {
        return inProcess;
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

    /** The raw path with its query, as sent. */
    public String uri() {
        return uri;
    }

    /** A header's (first) value, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every header's values, by lower-case name. */
    public Map<String, List<String>> headers() {
        return headers;
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
