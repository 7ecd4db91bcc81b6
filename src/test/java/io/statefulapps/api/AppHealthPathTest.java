package io.statefulapps.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppHealthPathTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/namespaces/demo/apps/db/health, demo, db",
            "/api/v1/namespaces/a/apps/b.c-1/health, a, b.c-1",
            // read as they are: the resource decodes and refuses
            "/api/v1/namespaces/d%65mo/apps/db/health, d%65mo, db",
            "/api/v1/namespaces/apps/apps/health/health, apps, health"})
    void theNamespaceAndNameAreTheSegmentsBetween(String path, String namespace, String name) {
        assertEquals(Optional.of(new AppHealthPath(namespace, name)), AppHealthPath.parse(path));
    }

    @Test
    void theResourcesTemplateIsTheShapeTheRouteReads() {
        assertEquals("/api/v1/namespaces/{namespace}/apps/{name}/health", AppHealthPath.TEMPLATE);
        assertEquals(Optional.of(new AppHealthPath("{namespace}", "{name}")), AppHealthPath.parse(AppHealthPath.TEMPLATE));
        assertEquals(Optional.of(new AppHealthPath(":namespace", ":name")),
                AppHealthPath.parse(AppHealthPath.ROUTE_TEMPLATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/namespaces/demo/apps/db", "/api/v1/namespaces/demo/apps/db/health/",
            "/api/v1/namespaces/demo/apps//health", "/api/v1/namespaces//apps/db/health",
            "/api/v1/namespaces/demo/apps/a/b/health", "/api/v1/namespaces/demo/things/db/health",
            "/api/v1/namespaces/demo/health", "/api/v1/namespaces/health", "/api/v2/namespaces/demo/apps/db/health",
            "/api/v1/namespaces/demo/apps/db/healthz", "/api/v1/namespaces/x/y/apps/db/health", ""})
    void anythingElseIsNotAHealthPath(String path) {
        assertEquals(Optional.empty(), AppHealthPath.parse(path));
    }
}
