package io.statefulapps.embedded.apiserver.rbac;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * kube-apiserver's request info factory, for the prefixes {@code /api} (the core group) and
 * {@code /apis}: fewer than three path segments, or another prefix, make a non-resource request;
 * {@code /watch/} before the resource makes the verb watch; a GET without a name is a list, or a
 * watch when the {@code watch} parameter is anything but absent, {@code 0} or {@code false}; a
 * list or watch whose field selector requires {@code metadata.name=x} is about the object x; a
 * DELETE without a name is a deletecollection. {@code /namespaces/x/status} and
 * {@code /namespaces/x/finalize} are subresources of the namespace x.
 */
final class RequestPathResolver {

    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");
    private static final Set<String> SPECIAL_VERBS = Set.of("proxy", "watch");

    private RequestPathResolver() {
    }

    static RequestAttributes resolve(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        String lowerMethod = method.toLowerCase(Locale.ROOT);
        List<String> parts = segments(path);
        RequestAttributes nonResource = RequestAttributes.nonResource(lowerMethod, path);
        if (parts.size() < 3 || !(parts.get(0).equals("api") || parts.get(0).equals("apis"))) {
            return nonResource;
        }
        boolean core = parts.get(0).equals("api");
        List<String> rest = parts.subList(1, parts.size());
        String group = "";
        if (!core) {
            if (rest.size() < 3) {
                return nonResource;
            }
            group = rest.get(0);
            rest = rest.subList(1, rest.size());
        }
        String version = rest.get(0);
        rest = rest.subList(1, rest.size());
        String verb;
        if (SPECIAL_VERBS.contains(rest.get(0)) && rest.size() >= 2) {
            verb = rest.get(0);
            rest = rest.subList(1, rest.size());
        } else {
            verb = verbOf(method);
        }
        String namespace = "";
        if (rest.get(0).equals("namespaces") && rest.size() > 1) {
            namespace = rest.get(1);
            if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
                rest = rest.subList(2, rest.size());
            }
        }
        String resource = rest.get(0);
        String name = rest.size() >= 2 ? rest.get(1) : "";
        String subresource = rest.size() >= 3 && !verb.equals("proxy") ? rest.get(2) : "";
        if (name.isEmpty() && verb.equals("get")) {
            verb = watchRequested(query) ? "watch" : "list";
            name = nameFromFieldSelector(query).orElse("");
        }
        if (name.isEmpty() && verb.equals("delete")) {
            verb = "deletecollection";
        }
        return new RequestAttributes(true, verb, group, version, resource, subresource, namespace, name, path);
    }

    private static List<String> segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
    }

    private static String verbOf(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "POST" -> "create";
            case "GET", "HEAD" -> "get";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "";
        };
    }

    /** Like Go's conversion of a query value to bool: only "0" and "false" (any case) are false. */
    private static boolean watchRequested(String query) {
        return firstValue(query, "watch").map(v -> !v.equals("0") && !v.equalsIgnoreCase("false")).orElse(false);
    }

    private static Optional<String> nameFromFieldSelector(String query) {
        Optional<String> selector = firstValue(query, "fieldSelector");
        if (selector.isEmpty()) {
            return Optional.empty();
        }
        for (String term : selector.get().split(",")) {
            String[] kv = term.split("==|=", 2);
            boolean equality = kv.length == 2 && !term.contains("!=");
            if (equality && kv[0].trim().equals("metadata.name") && validPathSegment(kv[1].trim())) {
                return Optional.of(kv[1].trim());
            }
        }
        return Optional.empty();
    }

    private static boolean validPathSegment(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
                && !name.contains("%");
    }

    private static Optional<String> firstValue(String query, String key) {
        List<String> values = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (k.equals(key)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return values.stream().findFirst();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
