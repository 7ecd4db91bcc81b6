package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The access table, row by row: a call, and the rights (verb group/resource) it needs in its namespace. */
class AccessRulesTest {

    static final String READ_ONE = "get apps/statefulsets, get /services, list /pods, list /persistentvolumeclaims, "
            + "list discovery.k8s.io/endpointslices, list /events";

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("POST /api/v1/namespaces/shop/apps",
                        "create apps/statefulsets, create /services, delete apps/statefulsets, delete /services"),
                Arguments.of("POST /api/v1/namespaces/shop/apps?dryRun=maybe",
                        "create apps/statefulsets, create /services, delete apps/statefulsets, delete /services"),
                Arguments.of("POST /api/v1/namespaces/shop/apps?dryRun=true",
                        "create apps/statefulsets, create /services"),
                Arguments.of("GET /api/v1/namespaces/shop/apps",
                        "list apps/statefulsets, list /services, list /pods, list /persistentvolumeclaims, "
                                + "list discovery.k8s.io/endpointslices, list /events"),
                Arguments.of("GET /api/v1/namespaces/shop/apps?limit=5&continue=abc",
                        "list apps/statefulsets, list /services, list /pods, list /persistentvolumeclaims, "
                                + "list discovery.k8s.io/endpointslices, list /events"),
                Arguments.of("GET /api/v1/namespaces/shop/apps/web", READ_ONE),
                Arguments.of("HEAD /api/v1/namespaces/shop/apps/web", READ_ONE),
                Arguments.of("GET /api/v1/namespaces/shop/apps/web/health", READ_ONE),
                Arguments.of("GET /api/v1/namespaces/shop/apps/web/manifests",
                        "get apps/statefulsets, get /services"),
                Arguments.of("PATCH /api/v1/namespaces/shop/apps/web",
                        "get apps/statefulsets, update apps/statefulsets, get /services, update /services, "
                                + "list /persistentvolumeclaims, patch /persistentvolumeclaims, "
                                + "delete apps/statefulsets, create apps/statefulsets"),
                Arguments.of("DELETE /api/v1/namespaces/shop/apps/web",
                        "get apps/statefulsets, delete apps/statefulsets, get /services, delete /services, "
                                + "list /persistentvolumeclaims"),
                Arguments.of("DELETE /api/v1/namespaces/shop/apps/web?deleteData=false",
                        "get apps/statefulsets, delete apps/statefulsets, get /services, delete /services, "
                                + "list /persistentvolumeclaims"),
                Arguments.of("DELETE /api/v1/namespaces/shop/apps/web?deleteData=true",
                        "get apps/statefulsets, delete apps/statefulsets, get /services, delete /services, "
                                + "list /persistentvolumeclaims, delete /persistentvolumeclaims"),
                Arguments.of("DELETE /api/v1/namespaces/shop/apps/web?deleteData",
                        "get apps/statefulsets, delete apps/statefulsets, get /services, delete /services, "
                                + "list /persistentvolumeclaims, delete /persistentvolumeclaims"),
                // Garbled: the endpoint answers 400, but never with fewer rights checked than a deletion needs.
                Arguments.of("DELETE /api/v1/namespaces/shop/apps/web?deleteData=yes",
                        "get apps/statefulsets, delete apps/statefulsets, get /services, delete /services, "
                                + "list /persistentvolumeclaims, delete /persistentvolumeclaims"),
                Arguments.of("DELETE /api/v1/namespaces/shop/apps/web?deleteData=false&deleteData=true",
                        "get apps/statefulsets, delete apps/statefulsets, get /services, delete /services, "
                                + "list /persistentvolumeclaims, delete /persistentvolumeclaims"),
                Arguments.of("OPTIONS /api/v1/namespaces/shop/apps", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void everyCallNeedsTheRightsOfWhatItDoes(String call, String expected) {
        List<AccessCheck> checks = checks(call).orElseThrow(() -> new AssertionError("no rule for " + call));
        assertEquals(expected, describe(checks));
        assertTrue(checks.stream().allMatch(c -> c.namespace().equals("shop")), checks.toString());
    }

    static Stream<String> noRule() {
        return Stream.of(
                "PUT /api/v1/namespaces/shop/apps/web",
                "POST /api/v1/namespaces/shop/apps/web",
                "PATCH /api/v1/namespaces/shop/apps",
                "DELETE /api/v1/namespaces/shop/apps",
                "DELETE /api/v1/namespaces/shop/apps/web/health",
                "TRACE /api/v1/namespaces/shop/apps",
                "GET /api/v1/namespaces/shop/apps/web/logs",
                "GET /api/v1/namespaces/shop/apps/web/health/extra",
                "GET /api/v1/namespaces/shop",
                "GET /api/v2/namespaces/shop/apps",
                "GET /q/health");
    }

    @Test
    void theListAcrossNamespacesNeedsOnlyACallerItsItemsAreCheckedPerNamespace() {
        assertEquals(Optional.of(List.of()), AccessRules.checks("GET", ApiEndpoint.ALL_APPS, null, Map.of()));
        assertEquals(Optional.empty(), AccessRules.checks("POST", ApiEndpoint.ALL_APPS, null, Map.of()));
        assertEquals(Optional.of(ApiEndpoint.ALL_APPS), ApiEndpoint.of(List.of("api", "v1", "apps")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noRule")
    void callsWithoutARuleAreNotLetThrough(String call) {
        assertEquals(Optional.empty(), checks(call));
    }

    @ParameterizedTest(name = "namespace \"{0}\"")
    @MethodSource("blankNamespaces")
    void aBlankNamespaceHasNoRule(String namespace) {
        assertEquals(Optional.empty(), AccessRules.checks("GET", ApiEndpoint.APPS, namespace, Map.of()));
    }

    static Stream<String> blankNamespaces() {
        return Stream.of("", " ", null);
    }

    @org.junit.jupiter.api.Test
    void theNamespaceIsThePathParameterGiven() {
        List<AccessCheck> checks = AccessRules.checks("POST", ApiEndpoint.APPS, "other", Map.of()).orElseThrow();
        assertEquals(List.of(AccessCheck.of("create", "apps", "statefulsets", "other"),
                AccessCheck.of("create", "", "services", "other"), AccessCheck.of("delete", "apps", "statefulsets", "other"),
                AccessCheck.of("delete", "", "services", "other")), checks);
    }

    /** "METHOD /path?query" through the same parsing the filter does. */
    static Optional<List<AccessCheck>> checks(String call) {
        String[] parts = call.split(" ", 2);
        URI uri = URI.create(parts[1]);
        List<String> segments = Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
        String namespace = segments.size() > 3 && segments.get(2).equals("namespaces") ? segments.get(3) : null;
        return ApiEndpoint.of(segments).flatMap(e -> AccessRules.checks(parts[0], e, namespace, query(uri)));
    }

    static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> query = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        return query;
    }

    static String describe(List<AccessCheck> checks) {
        return String.join(", ", checks.stream().map(c -> c.verb() + " " + c.group() + "/" + c.resource()).toList());
    }
}
