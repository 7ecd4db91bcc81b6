package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pod spec defaults the real API server fills in, for Pods and for StatefulSet templates:
 * without them a spec read back from the cluster never equals what the controller compares.
 */
final class PodSpecDefaults {

    private PodSpecDefaults() {
    }

    static void apply(ObjectNode spec) {
        JsonFields.putIfAbsent(spec, "restartPolicy", "Always");
        JsonFields.putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        JsonFields.putIfAbsent(spec, "schedulerName", "default-scheduler");
        JsonFields.putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        containers(spec.get("containers"));
        containers(spec.get("initContainers"));
    }

    private static void containers(JsonNode list) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode c : list) {
            if (c instanceof ObjectNode container) {
                JsonFields.putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
                JsonFields.putIfAbsent(container, "terminationMessagePolicy", "File");
                JsonFields.putIfAbsent(container, "imagePullPolicy", pullPolicy(container.path("image").asText("")));
                if (container.has("resources") == false) {
                    container.putObject("resources");
                }
                JsonNode ports = container.get("ports");
                if (ports != null && ports.isArray()) {
                    ports.forEach(p -> JsonFields.putIfAbsent((ObjectNode) p, "protocol", "TCP"));
                }
                probe(container.get("livenessProbe"));
                probe(container.get("readinessProbe"));
                probe(container.get("startupProbe"));
            }
        }
    }

    /** Always for ":latest" or no tag, IfNotPresent otherwise, like the real defaulting. */
    private static String pullPolicy(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        return !last.contains(":") || last.endsWith(":latest") ? "Always" : "IfNotPresent";
    }

    private static void probe(JsonNode node) {
        if (node instanceof ObjectNode probe) {
            JsonFields.putIfAbsent(probe, "timeoutSeconds", 1);
            JsonFields.putIfAbsent(probe, "periodSeconds", 10);
            JsonFields.putIfAbsent(probe, "successThreshold", 1);
            JsonFields.putIfAbsent(probe, "failureThreshold", 3);
            if (probe.get("httpGet") instanceof ObjectNode http) {
                JsonFields.putIfAbsent(http, "path", "/");
                JsonFields.putIfAbsent(http, "scheme", "HTTP");
            }
        }
    }
}
