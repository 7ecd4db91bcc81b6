package io.statefulapps.generated;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * One generated request and the answer it got. {@code expected} narrows the statuses the contract
 * allows for this kind of input (empty: any the contract allows), e.g. a spec with one rule broken
 * must get 422.
 */
record Exchange(Request request, Answer answer) {

    /** What was sent: the path and query exactly as on the wire (already percent-encoded). */
    record Request(String kind, String label, String method, String pathAndQuery, Map<String, String> headers,
            byte[] body, Set<Integer> expected) {

        String describe() {
            StringBuilder b = new StringBuilder(kind).append(" — ").append(label).append('\n')
                    .append("  ").append(method).append(' ').append(cut(pathAndQuery, 300)).append('\n');
            headers.forEach((k, v) -> b.append("  ").append(k).append(": ").append(cut(v, 200)).append('\n'));
            if (body != null) {
                b.append("  body (").append(body.length).append(" bytes): ")
                        .append(cut(new String(body, StandardCharsets.UTF_8), 400)).append('\n');
            }
            return b.toString();
        }
    }

    /** The status, the Content-Type and the body (not read for an event stream). */
    record Answer(int status, String contentType, String body) {
    }

    String describe() {
        return request.describe() + "  -> " + answer.status() + " " + answer.contentType() + " "
                + cut(answer.body(), 600);
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "null";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
