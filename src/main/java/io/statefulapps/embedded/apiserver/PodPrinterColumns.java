package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pod's row as printers.go's printPod makes it: STATUS tells where initialization stands
 * ({@code Init:1/2}, {@code Init:CrashLoopBackOff}) before the containers' own reasons, and
 * RESTARTS says when the last one was ({@code 2 (5s ago)}).
 */
final class PodPrinterColumns {

    /** What one look at the statuses gives: the columns that depend on each other. */
    private record Summary(int ready, int total, String reason, int restarts, String lastRestart) {
    }

    private PodPrinterColumns() {
    }

    static List<PrinterColumns.Column> columns() {
        return List.of(PrinterColumns.col("Ready", p -> summary(p).ready() + "/" + summary(p).total()),
                PrinterColumns.col("Status", p -> summary(p).reason()),
                PrinterColumns.col("Restarts", PodPrinterColumns::restarts), PrinterColumns.AGE,
                PrinterColumns.wide("IP", p -> JsonFields.text(p, "status.podIP")),
                PrinterColumns.wide("Node", p -> JsonFields.text(p, "spec.nodeName")),
                PrinterColumns.wide("Nominated Node", p -> JsonFields.text(p, "status.nominatedNodeName")),
                PrinterColumns.wide("Readiness Gates", PodPrinterColumns::readinessGates));
    }

    private static Object restarts(JsonNode pod) {
        Summary s = summary(pod);
        if (s.restarts() == 0 || s.lastRestart() == null) {
            return Integer.toString(s.restarts());
        }
        return new PrinterColumns.Since(s.restarts() + " (", s.lastRestart(), " ago)");
    }

    private static Summary summary(JsonNode pod) {
        JsonNode status = pod.path("status");
        Set<String> sidecars = new HashSet<>();
        pod.path("spec").path("initContainers").forEach(c -> {
            if ("Always".equals(c.path("restartPolicy").asText())) {
                sidecars.add(c.path("name").asText());
            }
        });
        int total = pod.path("spec").path("containers").size() + sidecars.size();
        String reason = status.hasNonNull("reason") ? status.get("reason").asText() : status.path("phase").asText("");
        Tally init = new Tally();
        Tally sidecar = new Tally();
        boolean initializing = false;
        int initCount = pod.path("spec").path("initContainers").size();
        JsonNode inits = status.path("initContainerStatuses");
        for (int i = 0; i < inits.size(); i++) {
            JsonNode c = inits.get(i);
            boolean isSidecar = sidecars.contains(c.path("name").asText());
            init.add(c);
            if (isSidecar) {
                sidecar.add(c);
            }
            JsonNode terminated = c.path("state").path("terminated");
            String waiting = c.path("state").path("waiting").path("reason").asText("");
            if (!terminated.isMissingNode() && terminated.path("exitCode").asInt() == 0) {
                continue;
            }
            if (isSidecar && c.path("started").asBoolean(false)) {
                continue;
            }
            if (!terminated.isMissingNode()) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (!waiting.isEmpty() && !waiting.equals("PodInitializing")) {
                reason = "Init:" + waiting;
            } else {
                reason = "Init:" + i + "/" + initCount;
            }
            initializing = true;
            break;
        }
        int ready = 0;
        Tally counted = init;
        if (!initializing || condition(status, "Initialized")) {
            counted = sidecar;
            boolean running = false;
            JsonNode containers = status.path("containerStatuses");
            for (int i = containers.size() - 1; i >= 0; i--) {
                JsonNode c = containers.get(i);
                counted.add(c);
                String waiting = c.path("state").path("waiting").path("reason").asText("");
                JsonNode terminated = c.path("state").path("terminated");
                if (!waiting.isEmpty()) {
                    reason = waiting;
                } else if (!terminated.isMissingNode()) {
                    reason = terminatedReason(terminated);
                } else if (c.path("ready").asBoolean(false) && c.path("state").has("running")) {
                    running = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && running) {
                reason = condition(status, "Ready") ? "Running" : "NotReady";
            }
        }
        if (pod.path("metadata").has("deletionTimestamp")) {
            boolean terminal = List.of("Succeeded", "Failed").contains(status.path("phase").asText());
            reason = "NodeLost".equals(status.path("reason").asText()) ? "Unknown" : terminal ? reason : "Terminating";
        }
        return new Summary(ready, total, reason, counted.restarts, counted.last);
    }

    /** Restarts of some containers and the latest time one of them finished. */
    private static final class Tally {
        private int restarts;
        private String last;

        void add(JsonNode status) {
            restarts += status.path("restartCount").asInt(0);
            String finished = JsonFields.text(status, "lastState.terminated.finishedAt");
            // RFC 3339 in UTC compares as text
            if (finished != null && (last == null || finished.compareTo(last) > 0)) {
                last = finished;
            }
        }
    }

    private static String terminatedReason(JsonNode terminated) {
        String reason = terminated.path("reason").asText("");
        if (!reason.isEmpty()) {
            return reason;
        }
        int signal = terminated.path("signal").asInt(0);
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt();
    }

    private static boolean condition(JsonNode status, String type) {
        for (JsonNode c : status.path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }

    private static String readinessGates(JsonNode pod) {
        JsonNode gates = pod.path("spec").path("readinessGates");
        if (gates.isEmpty()) {
            return "<none>";
        }
        int passed = 0;
        for (JsonNode gate : gates) {
            passed += condition(pod.path("status"), gate.path("conditionType").asText()) ? 1 : 0;
        }
        return passed + "/" + gates.size();
    }
}
