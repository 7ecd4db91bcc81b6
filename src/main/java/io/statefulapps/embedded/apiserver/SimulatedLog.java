package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output of one run of a simulated container, made up from the stored pod alone so the
 * same pod and moment always give the same text: the start (image, the declared ports it
 * listens on), then what its status says happened. A run that exited non-zero logs an error
 * and {@code exiting with code N}; one killed with 137/OOMKilled logs its memory climbing and
 * {@code Killed}; a running container that is not ready (a {@code notready} image, or not ready
 * for a while) logs its readiness endpoint failing once per probe period up to now.
 */
final class SimulatedLog {

    /** One line as the runtime stores it: when it was written and what. */
    record Line(Instant at, String text) {
    }

    /** One run of a container: {@code finished} is null while it runs. */
    record Run(Instant started, Instant finished, int exitCode, String reason, String message) {

        boolean running() {
            return finished == null;
        }
    }

    /** After this long a running, unready container is taken to be failing its readiness checks. */
    private static final Duration UNREADY_GRACE = Duration.ofSeconds(10);
    private static final int MAX_PROBE_LINES = 20;

    private final List<Line> lines = new ArrayList<>();

    private SimulatedLog() {
    }

    static List<Line> of(JsonNode pod, JsonNode container, JsonNode status, Run run, boolean init, Instant now) {
        SimulatedLog log = new SimulatedLog();
        log.write(pod, container, status, run, init, now);
        return List.copyOf(log.lines);
    }

    private void write(JsonNode pod, JsonNode container, JsonNode status, Run run, boolean init, Instant now) {
        String name = container.path("name").asText();
        String image = container.path("image").asText();
        String podName = pod.path("metadata").path("namespace").asText() + "/" + pod.path("metadata").path("name").asText();
        add(run.started(), "INFO  starting " + app(image) + " (image " + image + ") as container " + name + " in pod "
                + podName + (init ? " (init container)" : ""));
        JsonNode ports = container.path("ports");
        for (JsonNode p : ports) {
            add(run.started(), "INFO  listening on 0.0.0.0:" + p.path("containerPort").asText() + "/"
                    + p.path("protocol").asText("TCP").toLowerCase(Locale.ROOT)
                    + (p.hasNonNull("name") ? " (" + p.path("name").asText() + ")" : ""));
        }
        if (run.running()) {
            running(container, status, run, init, now);
        } else {
            finished(container, run);
        }
    }

    private void running(JsonNode container, JsonNode status, Run run, boolean init, Instant now) {
        String image = container.path("image").asText().toLowerCase(Locale.ROOT);
        boolean crashing = image.contains("crashloop") || image.contains("oomkill")
                || status.path("restartCount").asInt(0) > 0 || status.path("lastState").has("terminated");
        boolean ready = status.path("ready").asBoolean(false);
        if (ready || init || crashing) {
            add(run.started(), "INFO  initialisation complete" + (ready ? ", ready to accept connections" : ""));
            return;
        }
        if (!image.contains("notready") && now.isBefore(run.started().plus(UNREADY_GRACE))) {
            add(run.started(), "INFO  warming up before accepting connections");
            return;
        }
        JsonNode probe = container.path("readinessProbe");
        long delay = probe.path("initialDelaySeconds").asLong(0);
        long period = Math.max(1, probe.path("periodSeconds").asLong(10));
        Instant first = run.started().plusSeconds(delay);
        Instant until = now.isBefore(first) ? first : now;
        long count = Duration.between(first, until).getSeconds() / period + 1;
        for (long k = Math.max(0, count - MAX_PROBE_LINES); k < count; k++) {
            add(first.plusSeconds(k * period), "WARN  " + probeFailure(probe) + ": storage backend not available yet");
        }
    }

    private static String probeFailure(JsonNode probe) {
        if (probe.has("httpGet")) {
            return "GET " + probe.path("httpGet").path("path").asText("/") + " (kube-probe/1.32) -> 503 Service Unavailable";
        }
        if (probe.has("tcpSocket")) {
            return "readiness: not accepting connections on :" + probe.path("tcpSocket").path("port").asText() + " yet";
        }
        return "readiness check failed";
    }

    private void finished(JsonNode container, Run run) {
        Instant end = run.finished();
        if (run.exitCode() == 137 || "OOMKilled".equals(run.reason())) {
            String limit = container.path("resources").path("limits").path("memory").asText("");
            add(end, "WARN  memory usage climbing while loading the working set"
                    + (limit.isEmpty() ? " (no container memory limit set)" : ", close to the " + limit + " limit"));
            add(end, "WARN  allocating 64Mi more for the cache warm-up");
            add(end, "Killed");
            return;
        }
        if (run.exitCode() == 0) {
            add(end, "INFO  work complete, shutting down");
            add(end, "INFO  exiting with code 0");
            return;
        }
        String why = run.message() == null || run.message().isBlank()
                ? "unrecoverable error: cannot reach storage backend: connect: connection refused" : run.message().strip();
        add(end, "ERROR " + why);
        add(end, "ERROR exiting with code " + run.exitCode());
    }

    /** Keeps times strictly increasing, a millisecond apart at least, whatever the seconds-only status says. */
    private void add(Instant at, String text) {
        Instant t = at;
        if (!lines.isEmpty() && !t.isAfter(lines.get(lines.size() - 1).at())) {
            t = lines.get(lines.size() - 1).at().plusMillis(1);
        }
        lines.add(new Line(t, text));
    }

    /** "nginx 1.27" for docker.io/library/nginx:1.27. */
    private static String app(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        int at = last.indexOf('@');
        String name = colon > 0 ? last.substring(0, colon) : at > 0 ? last.substring(0, at) : last;
        String tag = colon > 0 ? last.substring(colon + 1) : "latest";
        return name + " " + tag;
    }
}
