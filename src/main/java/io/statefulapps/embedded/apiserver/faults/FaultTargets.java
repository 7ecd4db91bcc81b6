package io.statefulapps.embedded.apiserver.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.embedded.apiserver.ApiServerContext;
import io.statefulapps.embedded.apiserver.Incoming;
import io.statefulapps.embedded.apiserver.RequestInfo;
import io.statefulapps.embedded.apiserver.UserInfo;
import java.io.IOException;

/**
 * The {@link FaultTarget} of a request as the server received it: the attributes of its path, the
 * caller (as the server's access control would authenticate it), and for a create with a JSON body
 * the object's name and kind (for the wording of 409 and 422 answers).
 */
final class FaultTargets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultTargets() {
    }

    static FaultTarget of(Incoming request, ApiServerContext server) {
        RequestInfo info = request.info();
        String user = server.caller(request).map(UserInfo::name).orElse("");
        String name = info.name();
        String kind = "";
        if ("create".equals(info.verb()) && info.subresource() == null) {
            JsonNode body = jsonBody(request);
            name = body.path("metadata").path("name").asText(name == null ? "" : name);
            kind = body.path("kind").asText("");
        }
        return new FaultTarget(info.verb(), info.apiGroup(), info.resource(), info.subresource(), info.namespace(),
                name, user, kind, request.query().get("resourceVersion"));
    }

    /** An open watch, as a {@code dropWatches} rule sees it (no caller: it is not known any more). */
    static FaultTarget ofWatch(RequestInfo watch) {
        return new FaultTarget("watch", watch.apiGroup(), watch.resource(), watch.subresource(), watch.namespace(),
                watch.name(), "", "", "");
    }

    /** The latest resourceVersion of the watched kind, for a 410's message; the asked one when unknown. */
    static String currentVersion(Incoming request, ApiServerContext server) {
        RequestInfo info = request.info();
        try {
            return Long.toString(server.objects().lastChange(info.apiGroup(), info.resource()));
        } catch (IllegalArgumentException notStored) {
            return request.query().getOrDefault("resourceVersion", "0");
        }
    }

    private static JsonNode jsonBody(Incoming request) {
        String type = request.header("Content-Type");
        if (type != null && !type.toLowerCase().startsWith("application/json")) {
            return JSON.missingNode();
        }
        try {
            JsonNode body = JSON.readTree(request.body());
            return body == null ? JSON.missingNode() : body;
        } catch (IOException unreadable) {
            return JSON.missingNode();
        }
    }
}
