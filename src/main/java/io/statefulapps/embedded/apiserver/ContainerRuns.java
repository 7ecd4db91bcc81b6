package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod's containers as the kubelet sees them for logs: which container a request means, its spec
 * and status, and which run of it (the current one, or the previous terminated one) has the log.
 */
final class ContainerRuns {

    private static final String[] STATUS_LISTS = {"containerStatuses", "initContainerStatuses",
        "ephemeralContainerStatuses"};
    private static final String[] INIT_STATUS_LIST = {"initContainerStatuses"};
    private static final String[] SPEC_LISTS = {"containers", "initContainers", "ephemeralContainers"};

    private ContainerRuns() {
    }

    /** The container a request means: the named one, or the pod's only one; else the API server's 400. */
    static String choose(ObjectNode pod, String podName, String wanted) {
        JsonNode spec = pod.path("spec");
        List<String> all = new ArrayList<>();
        for (String list : new String[] {"initContainers", "containers", "ephemeralContainers"}) {
            spec.path(list).forEach(c -> all.add(c.path("name").asText()));
        }
        if (wanted == null || wanted.isEmpty()) {
            JsonNode app = spec.path("containers");
            if (app.size() == 1) {
                return app.get(0).path("name").asText();
            }
            throw ApiException.badRequest("a container name must be specified for pod " + podName
                    + (app.size() == 0 ? "" : ", choose one of: [" + String.join(" ", all) + "]"));
        }
        if (!all.contains(wanted)) {
            throw ApiException.badRequest("container " + wanted + " is not valid for pod " + podName);
        }
        return wanted;
    }

    static JsonNode status(ObjectNode pod, String container) {
        return named(pod.path("status"), STATUS_LISTS, container);
    }

    static JsonNode spec(ObjectNode pod, String container) {
        return named(pod.path("spec"), SPEC_LISTS, container);
    }

    /** The entry called {@code container} in the first of {@code lists} of {@code section} that has one. */
    private static JsonNode named(JsonNode section, String[] lists, String container) {
        for (String list : lists) {
            for (JsonNode entry : section.path(list)) {
                if (container.equals(entry.path("name").asText())) {
                    return entry;
                }
            }
        }
        return null;
    }

    static boolean isInit(ObjectNode pod, String container) {
        return named(pod.path("status"), INIT_STATUS_LIST, container) != null;
    }

    /**
     * The kubelet's choice of run (validateContainerLogStatus). Unlike the kubelet we do not
     * insist on a containerID, so statuses written by hand through /status still have logs.
     */
    static SimulatedLog.Run chosen(JsonNode status, String container, String pod, boolean previous) {
        JsonNode state = status.path("state");
        JsonNode last = status.path("lastState").path("terminated");
        String where = "container \"" + container + "\" in pod \"" + pod + "\"";
        if (previous) {
            if (!last.isObject()) {
                throw ApiException.badRequest("previous terminated " + where + " not found");
            }
            return terminated(last);
        }
        if (state.path("running").isObject()) {
            return new SimulatedLog.Run(instant(state.path("running").path("startedAt")), null, 0, null, null);
        }
        if (state.path("terminated").isObject()) {
            return terminated(state.path("terminated"));
        }
        if (last.isObject()) {
            return terminated(last);
        }
        if (state.path("waiting").isObject()) {
            String reason = state.path("waiting").path("reason").asText("");
            throw ApiException.badRequest(where + " is waiting to start: " + switch (reason) {
                case "ErrImagePull" -> "image can't be pulled";
                case "ImagePullBackOff" -> "trying and failing to pull image";
                default -> reason;
            });
        }
        throw ApiException.badRequest(where + " is waiting to start - no logs yet");
    }

    /** The run that started at {@code started}, as the status tells it now; null when no status mentions it. */
    static SimulatedLog.Run sameRun(JsonNode status, Instant started) {
        JsonNode state = status.path("state");
        if (state.path("running").isObject() && instant(state.path("running").path("startedAt")).equals(started)) {
            return new SimulatedLog.Run(started, null, 0, null, null);
        }
        for (JsonNode t : new JsonNode[] {state.path("terminated"), status.path("lastState").path("terminated")}) {
            if (t.isObject() && instant(t.path("startedAt")).equals(started)) {
                return terminated(t);
            }
        }
        return null;
    }

    private static SimulatedLog.Run terminated(JsonNode t) {
        Instant started = instant(t.path("startedAt"));
        Instant finished = t.hasNonNull("finishedAt") ? instant(t.path("finishedAt")) : started;
        return new SimulatedLog.Run(started, finished.isBefore(started) ? started : finished,
                t.path("exitCode").asInt(0), t.path("reason").asText(null), t.path("message").asText(null));
    }

    private static Instant instant(JsonNode time) {
        return time.isTextual() ? Instant.parse(time.asText()) : Instant.EPOCH;
    }
}
