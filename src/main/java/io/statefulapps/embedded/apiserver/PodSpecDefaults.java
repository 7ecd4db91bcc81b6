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
    Json.putIfAbsent(spec, "restartPolicy", "Always");
    Json.putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    Json.putIfAbsent(spec, "schedulerName", "default-scheduler");
    Json.putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
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
        Json.putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
        Json.putIfAbsent(container, "terminationMessagePolicy", "File");
        Json.putIfAbsent(container, "imagePullPolicy", pullPolicy(container.path("image").asText("")));
        if (container.has("resources") == false) {
          container.putObject("resources");
        }
        JsonNode ports = container.get("ports");
        if (ports != null && ports.isArray()) {
          ports.forEach(p -> Json.putIfAbsent((ObjectNode) p, "protocol", "TCP"));
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
      Json.putIfAbsent(probe, "timeoutSeconds", 1);
      Json.putIfAbsent(probe, "periodSeconds", 10);
      Json.putIfAbsent(probe, "successThreshold", 1);
      Json.putIfAbsent(probe, "failureThreshold", 3);
      if (probe.get("httpGet") instanceof ObjectNode http) {
        Json.putIfAbsent(http, "path", "/");
        Json.putIfAbsent(http, "scheme", "HTTP");
      }
    }
  }
}
