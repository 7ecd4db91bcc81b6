package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/** The paths that are not resources: discovery, OpenAPI v3 and the health endpoints. */
final class NonResourcePaths {

    private static final Set<String> HEALTH = Set.of("/healthz", "/livez", "/readyz");

    private final Discovery discovery;
    private final OpenApi openApi;

    NonResourcePaths(Discovery discovery, OpenApi openApi) {
        this.discovery = discovery;
        this.openApi = openApi;
    }

    HttpAnswer answer(Incoming request) {
        if (!request.method().equals("GET")) {
            throw ApiException.noSuchPath();
        }
        String path = request.path();
        ObjectNode doc = discovery.answer(path);
        if (doc == null) {
            doc = openApi.answer(path);
        }
        if (doc != null) {
            return HttpAnswer.json(200, doc);
        }
        if (HEALTH.contains(path)) {
            return HttpAnswer.text(200, "ok");
        }
        throw ApiException.noSuchPath();
    }
}
