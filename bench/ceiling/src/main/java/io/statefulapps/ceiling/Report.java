package io.statefulapps.ceiling;

import java.util.List;

/**
 * A record tree shaped like the service's health report (a StatefulSet, its pods, claims and
 * volumes, DNS records, Services, problems, events), about 3.5 KB as JSON: what the ceiling serves.
 */
public record Report(String app, String namespace, String status, String since, String summary,
        String observedAt, String fingerprint, StatefulSet statefulSet, List<Pod> pods, List<Volume> volumes,
        List<Dns> dns, List<Service> services, List<String> causes, List<Problem> problems, List<Event> events) {

    public record StatefulSet(String name, String status, String rollout, int replicas, int readyReplicas,
            int currentReplicas, int updatedReplicas, String currentRevision, String updateRevision, long generation,
            long observedGeneration, String updateStrategy, String serviceName) {
    }

    public record Pod(String name, int ordinal, String status, String phase, boolean ready, int restarts,
            String podIP, String node, String revision, String startedAt, List<Container> containers) {
    }

    public record Container(String name, boolean init, String state, boolean ready, int restarts) {
    }

    public record Volume(String pod, String claimTemplate, String status, Claim claim, PersistentVolume volume) {
    }

    public record Claim(String name, String phase, String capacity, String requested, String storageClassName,
            List<String> accessModes, String volumeName) {
    }

    public record PersistentVolume(String name, String phase, String capacity, String reclaimPolicy,
            String storageClassName) {
    }

    public record Dns(String pod, String hostname, String podIP, List<String> publishedAddresses, boolean ready,
            String status) {
    }

    public record Service(String role, String name, String status, String type, String clusterIP, List<Port> ports,
            int selectorMatches, int readyEndpoints) {
    }

    public record Port(String name, int port, String protocol, String targetPort) {
    }

    public record Problem(String severity, String object, String reason, String message, String hint, String since) {
    }

    public record Event(String type, String reason, String object, String message, int count, String lastSeen) {
    }
}
