package io.statefulapps.embedded.apiserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request path taken apart the way the real API server's request info resolver does it:
 * group, version, namespace, resource, name, subresource and the decoded query parameters. The
 * legacy watch form ({@code /api/v1/watch/namespaces/x/pods}) is the same target with
 * {@code watchPath} set.
 */
record RequestTarget(String path, boolean watchPath, String group, String version, String namespace,
        String plural, String name, String subresource, Map<String, String> query) {

    static RequestTarget parse(String raw) {
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseQuery(raw.substring(q + 1));
        List<String> segs = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        boolean legacy = !segs.isEmpty() && segs.get(0).equals("api");
        boolean grouped = !segs.isEmpty() && segs.get(0).equals("apis");
        String group = "";
        String version = null;
        List<String> rest = List.of();
        if (legacy && segs.size() >= 2) {
            version = segs.get(1);
            rest = segs.subList(2, segs.size());
        } else if (grouped && segs.size() >= 3) {
            group = segs.get(1);
            version = segs.get(2);
            rest = segs.subList(3, segs.size());
        } else if (grouped && segs.size() == 2) {
            group = segs.get(1);
        }
        boolean watchPath = !rest.isEmpty() && rest.get(0).equals("watch");
        if (watchPath) {
            rest = rest.subList(1, rest.size());
        }
        String namespace = null;
        // "/namespaces/x/status" is the namespace x's status, not a resource called "status".
        boolean namespacedResource = rest.size() >= 3 && rest.get(0).equals("namespaces")
                && !rest.get(2).equals("status") && !rest.get(2).equals("finalize");
        if (namespacedResource) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String plural = rest.isEmpty() ? null : rest.get(0);
        String name = rest.size() >= 2 ? rest.get(1) : null;
        String sub = rest.size() >= 3 ? rest.get(2) : null;
        return new RequestTarget(path, watchPath, group, version, namespace, plural, name, sub, query);
    }

    private static Map<String, String> parseQuery(String qs) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.put(key, value);
        }
        return Map.copyOf(result);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    boolean isResource() {
        return version != null && plural != null;
    }

    /** The same target as a plain (non-legacy-watch) path: what the handlers route on. */
    RequestTarget unwatched() {
        return new RequestTarget(path, false, group, version, namespace, plural, name, subresource, query);
    }

    /** The same target without its subresource (a /scale write changes the main resource). */
    RequestTarget main() {
        return new RequestTarget(path, watchPath, group, version, namespace, plural, name, null, query);
    }

    String param(String key) {
        return query.get(key);
    }

    /** {@code dryRun=All}: admit and answer, store nothing. */
    boolean dryRun() {
        return "All".equals(query.get("dryRun"));
    }

    boolean isWatch() {
        String w = query.get("watch");
        return watchPath || "true".equals(w) || "1".equals(w);
    }
}
