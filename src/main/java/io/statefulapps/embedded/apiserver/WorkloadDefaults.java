package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The defaults of the apps/v1 workloads (StatefulSet, Deployment), as the real server's defaulting sets them. */
final class WorkloadDefaults {

    private WorkloadDefaults() {
    }

    static void statefulSet(ObjectNode sts) {
        ObjectNode spec = JsonFields.obj(sts, "spec");
        JsonFields.putIfAbsent(spec, "replicas", 1);
        JsonFields.putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
        JsonFields.putIfAbsent(spec, "revisionHistoryLimit", 10);
        ObjectNode strategy = JsonFields.obj(spec, "updateStrategy");
        JsonFields.putIfAbsent(strategy, "type", "RollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate")) {
            JsonFields.putIfAbsent(JsonFields.obj(strategy, "rollingUpdate"), "partition", 0);
        }
        ObjectNode retention = JsonFields.obj(spec, "persistentVolumeClaimRetentionPolicy");
        JsonFields.putIfAbsent(retention, "whenDeleted", "Retain");
        JsonFields.putIfAbsent(retention, "whenScaled", "Retain");
        PodSpecDefaults.apply(JsonFields.obj(JsonFields.obj(spec, "template"), "spec"));
        JsonNode templates = spec.get("volumeClaimTemplates");
        if (templates != null && templates.isArray()) {
            for (JsonNode t : templates) {
                ObjectNode claim = (ObjectNode) t;
                JsonFields.putIfAbsent(claim, "apiVersion", "v1");
                JsonFields.putIfAbsent(claim, "kind", "PersistentVolumeClaim");
                JsonFields.putIfAbsent(JsonFields.obj(claim, "spec"), "volumeMode", "Filesystem");
                JsonFields.putIfAbsent(JsonFields.obj(claim, "status"), "phase", "Pending");
            }
        }
        JsonFields.putIfAbsent(JsonFields.obj(sts, "status"), "replicas", 0);
        JsonFields.putIfAbsent(JsonFields.obj(sts, "status"), "availableReplicas", 0);
    }

    static void deployment(ObjectNode deployment) {
        ObjectNode spec = JsonFields.obj(deployment, "spec");
        JsonFields.putIfAbsent(spec, "replicas", 1);
        JsonFields.putIfAbsent(spec, "revisionHistoryLimit", 10);
        JsonFields.putIfAbsent(spec, "progressDeadlineSeconds", 600);
        ObjectNode strategy = JsonFields.obj(spec, "strategy");
        JsonFields.putIfAbsent(strategy, "type", "RollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = JsonFields.obj(strategy, "rollingUpdate");
            JsonFields.putIfAbsent(rolling, "maxUnavailable", "25%");
            JsonFields.putIfAbsent(rolling, "maxSurge", "25%");
        }
        PodSpecDefaults.apply(JsonFields.obj(JsonFields.obj(spec, "template"), "spec"));
    }
}
