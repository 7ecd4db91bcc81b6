package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pods/log} subresource, answered as the API server and the kubelet together answer
 * it: the API server picks the container (the only one, or 400 "a container name must be
 * specified"), a pod without a node gives an empty log, and the kubelet's checks on the
 * container status give its 400s ("is waiting to start: ...", "previous terminated container
 * ... not found"). The text itself is {@link SimulatedLog}'s, read from the stored pod.
 */
final class PodLogs {

    private final WriteHandler writes;
    private final Clock clock;

    PodLogs(WriteHandler writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    static boolean applies(ResourceType type, RequestTarget target) {
        return "log".equals(target.subresource()) && type.group().isEmpty() && type.plural().equals("pods");
    }

    /** The log as text/plain, or an ApiException shaped like the real refusal. */
    String read(ResourceType type, RequestTarget target) {
        ObjectNode pod = writes.existing(type, target);
        PodLogOptions options = PodLogOptions.parse(target);
        String name = target.name();
        String container = container(pod, name, options.container());
        String node = JsonFields.text(pod, "spec.nodeName");
        if (node == null || node.isEmpty()) {
            return ""; // no kubelet to ask yet: the API server streams nothing
        }
        boolean init = has(pod.path("status").path("initContainerStatuses"), container);
        JsonNode status = status(pod, container);
        if (status == null) {
            throw ApiException.badRequest("container \"" + container + "\" in pod \"" + name + "\" is not available");
        }
        SimulatedLog.Run run = run(status, container, name, options.previous());
        List<SimulatedLog.Line> lines = SimulatedLog.of(pod, spec(pod, container), status, run, init, clock.instant());
        return format(lines, options);
    }

    private static String container(ObjectNode pod, String podName, String wanted) {
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

    private static JsonNode status(ObjectNode pod, String container) {
        for (String list : new String[] {"containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"}) {
            for (JsonNode s : pod.path("status").path(list)) {
                if (container.equals(s.path("name").asText())) {
                    return s;
                }
            }
        }
        return null;
    }

    private static JsonNode spec(ObjectNode pod, String container) {
        for (String list : new String[] {"containers", "initContainers", "ephemeralContainers"}) {
            for (JsonNode c : pod.path("spec").path(list)) {
                if (container.equals(c.path("name").asText())) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("container " + container + " vanished from the spec");
    }

    private static boolean has(JsonNode statuses, String container) {
        for (JsonNode s : statuses) {
            if (container.equals(s.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kubelet's choice of run (validateContainerLogStatus). Unlike the kubelet we do not
     * insist on a containerID, so statuses written by hand through /status still have logs.
     */
    private static SimulatedLog.Run run(JsonNode status, String container, String pod, boolean previous) {
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

    private static SimulatedLog.Run terminated(JsonNode t) {
        Instant started = instant(t.path("startedAt"));
        Instant finished = t.hasNonNull("finishedAt") ? instant(t.path("finishedAt")) : started;
        return new SimulatedLog.Run(started, finished.isBefore(started) ? started : finished, t.path("exitCode").asInt(0),
                t.path("reason").asText(null), t.path("message").asText(null));
    }

    private static Instant instant(JsonNode time) {
        return time.isTextual() ? Instant.parse(time.asText()) : Instant.EPOCH;
    }

    /** sinceSeconds/sinceTime, then tailLines, then timestamps, then limitBytes, as the kubelet applies them. */
    private String format(List<SimulatedLog.Line> lines, PodLogOptions options) {
        Instant since = options.sinceTime() != null ? options.sinceTime()
                : options.sinceSeconds() != null ? clock.instant().minusSeconds(options.sinceSeconds()) : null;
        List<SimulatedLog.Line> kept = since == null ? lines
                : lines.stream().filter(l -> !l.at().isBefore(since)).toList();
        if (options.tailLines() != null && options.tailLines() < kept.size()) {
            kept = kept.subList(kept.size() - options.tailLines().intValue(), kept.size());
        }
        StringBuilder out = new StringBuilder();
        for (SimulatedLog.Line l : kept) {
            out.append(options.timestamps() ? rfc3339Nano(l.at()) + " " : "").append(l.text()).append('\n');
        }
        String text = out.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (options.limitBytes() != null && options.limitBytes() < bytes.length) {
            return new String(bytes, 0, options.limitBytes().intValue(), StandardCharsets.UTF_8);
        }
        return text;
    }

    /** Go's time.RFC3339Nano, as the kubelet prints --timestamps: trailing zeros of the fraction dropped. */
    static String rfc3339Nano(Instant at) {
        String seconds = java.time.format.DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        String fraction = String.format("%09d", at.getNano()).replaceFirst("0+$", "");
        return seconds.substring(0, seconds.length() - 1) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
    }
}
