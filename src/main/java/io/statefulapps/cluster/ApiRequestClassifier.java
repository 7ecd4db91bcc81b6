package io.statefulapps.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a Kubernetes API request the way the API server's own audit log does: a verb
 * ({@code get}, {@code list}, {@code watch}, {@code create}, {@code update}, {@code patch}, {@code delete})
 * and a resource ({@code statefulsets}, {@code pods/status}).
 */
public final class ApiRequestClassifier {

    public record Classified(String verb, String resource) {
    }

    private ApiRequestClassifier() {
    }

    public static Classified classify(String method, URI uri) {
        List<String> segments = resourceSegments(uri.getPath());
        String resource;
        boolean named;
        if (segments.isEmpty()) {
            return new Classified(method.toLowerCase(), "discovery");
        }
        if (segments.get(0).equals("namespaces") && segments.size() >= 3) {
            resource = segments.get(2);
            named = segments.size() >= 4;
            if (segments.size() >= 5) {
                resource = resource + "/" + segments.get(4);
            }
        } else {
            resource = segments.get(0);
            named = segments.size() >= 2;
            if (segments.size() >= 3) {
                resource = resource + "/" + segments.get(2);
            }
        }
        return new Classified(verb(method, named, uri.getRawQuery()), resource);
    }

    private static String verb(String method, boolean named, String query) {
        return switch (method.toUpperCase()) {
            case "GET" -> query != null && query.contains("watch=true") ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
    }

    /** The path after {@code /api/v1} or {@code /apis/<group>/<version>}. */
    private static List<String> resourceSegments(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        int skip;
        if (!parts.isEmpty() && parts.get(0).equals("api")) {
            skip = 2;
        } else if (!parts.isEmpty() && parts.get(0).equals("apis")) {
            skip = 3;
        } else {
            skip = parts.size();
        }
        return skip >= parts.size() ? List.of() : parts.subList(skip, parts.size());
    }
}
